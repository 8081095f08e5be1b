package org.jmpi;

import java.util.Set;

/**
 * Which predefined reduction op suits which predefined datatype (MPI 4.0, 6.9.2): checked
 * in Java before one-sided accumulation, where an MPI need not check it (MPICH 4.0.2
 * accepts a bitwise op on doubles in {@code MPI_Accumulate} and fails later, in the
 * synchronisation). Derived types are left to MPI.
 */
final class OpTypes {
    private static final Set<Datatype> INTEGER = Set.of(Datatype.SIGNED_CHAR, Datatype.UNSIGNED_CHAR, Datatype.SHORT,
            Datatype.UNSIGNED_SHORT, Datatype.INT, Datatype.UNSIGNED, Datatype.LONG, Datatype.UNSIGNED_LONG,
            Datatype.LONG_LONG, Datatype.UNSIGNED_LONG_LONG, Datatype.INT8, Datatype.INT16, Datatype.INT32,
            Datatype.INT64, Datatype.UINT8, Datatype.UINT16, Datatype.UINT32, Datatype.UINT64, Datatype.AINT,
            Datatype.OFFSET, Datatype.COUNT);
    private static final Set<Datatype> FLOATING = Set.of(Datatype.FLOAT, Datatype.DOUBLE, Datatype.LONG_DOUBLE);
    private static final Set<Datatype> COMPLEX = Set.of(Datatype.C_FLOAT_COMPLEX, Datatype.C_DOUBLE_COMPLEX,
            Datatype.C_LONG_DOUBLE_COMPLEX);
    private static final Set<Datatype> PAIRS = Set.of(Datatype.FLOAT_INT, Datatype.DOUBLE_INT, Datatype.LONG_INT,
            Datatype.INT_2, Datatype.SHORT_INT, Datatype.LONG_DOUBLE_INT);

    private OpTypes() {
    }

    /** Whether predefined {@code op} is defined on predefined {@code type}. */
    static boolean suits(Op op, Datatype type) {
        if (op == Op.REPLACE || op == Op.NO_OP) {
            return true;
        }
        if (op == Op.MAX || op == Op.MIN) {
            return INTEGER.contains(type) || FLOATING.contains(type);
        }
        if (op == Op.SUM || op == Op.PROD) {
            return INTEGER.contains(type) || FLOATING.contains(type) || COMPLEX.contains(type);
        }
        if (op == Op.LAND || op == Op.LOR || op == Op.LXOR) {
            return INTEGER.contains(type) || type == Datatype.C_BOOL;
        }
        if (op == Op.BAND || op == Op.BOR || op == Op.BXOR) {
            return INTEGER.contains(type) || type == Datatype.BYTE;
        }
        if (op == Op.MAXLOC || op == Op.MINLOC) {
            return PAIRS.contains(type);
        }
        return true;
    }

    /**
     * Refuses a predefined {@code op} on a predefined {@code type} it is not defined on;
     * {@code arg} names the type's argument.
     */
    static void check(Op op, Datatype type, String arg) {
        if (op.isPredefined() && type != null && type.isPredefined() && !suits(op, type)) {
            throw new IllegalArgumentException("op: " + op + " is not defined on " + arg + " " + type);
        }
    }
}
