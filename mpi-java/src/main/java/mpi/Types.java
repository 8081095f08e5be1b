package mpi;


/**
 * The predefined types of {@link MPI} and the factories of {@link Datatype}: which jmpi
 * datatype each type code stands for, its base type, and the argument checks of the
 * derived-type constructors.
 */
final class Types {
    private Types() {
    }

    /** The jmpi datatype of a type code (null for {@link Datatype#NULL}). */
    static org.jmpi.Datatype jmpiOf(int code) {
        return switch (code) {
            case Datatype.NULL -> null;
            case Datatype.BYTE -> org.jmpi.Datatype.BYTE;
            case Datatype.CHAR -> org.jmpi.Datatype.UINT16;
            case Datatype.SHORT -> org.jmpi.Datatype.SHORT;
            case Datatype.BOOLEAN -> org.jmpi.Datatype.UINT8;
            case Datatype.INT -> org.jmpi.Datatype.INT;
            case Datatype.LONG -> org.jmpi.Datatype.INT64;
            case Datatype.FLOAT -> org.jmpi.Datatype.FLOAT;
            case Datatype.DOUBLE -> org.jmpi.Datatype.DOUBLE;
            case Datatype.PACKED -> org.jmpi.Datatype.PACKED;
            case Datatype.INT2 -> org.jmpi.Datatype.INT_2;
            case Datatype.SHORT_INT -> org.jmpi.Datatype.SHORT_INT;
            case Datatype.LONG_INT -> org.jmpi.Datatype.LONG_INT;
            case Datatype.FLOAT_INT -> org.jmpi.Datatype.FLOAT_INT;
            case Datatype.DOUBLE_INT -> org.jmpi.Datatype.DOUBLE_INT;
            case Datatype.FLOAT_COMPLEX -> org.jmpi.Datatype.C_FLOAT_COMPLEX;
            case Datatype.DOUBLE_COMPLEX -> org.jmpi.Datatype.C_DOUBLE_COMPLEX;
            default -> throw new IllegalArgumentException("type: " + code + " is not a type code");
        };
    }

    /** The base type of a type code: the pair types count bytes, the complex ones their parts. */
    static int baseOf(int code) {
        return switch (code) {
            case Datatype.INT2, Datatype.SHORT_INT, Datatype.LONG_INT, Datatype.FLOAT_INT, Datatype.DOUBLE_INT ->
                    Datatype.BYTE;
            case Datatype.FLOAT_COMPLEX -> Datatype.FLOAT;
            case Datatype.DOUBLE_COMPLEX -> Datatype.DOUBLE;
            default -> code;
        };
    }

    /** Bytes of one element of a base type (0 for null). */
    static int sizeOf(int base) {
        return switch (base) {
            case Datatype.NULL -> 0;
            case Datatype.CHAR, Datatype.SHORT -> 2;
            case Datatype.INT, Datatype.FLOAT -> 4;
            case Datatype.LONG, Datatype.DOUBLE -> 8;
            default -> 1;
        };
    }

    static Datatype contiguous(int count, Datatype old) throws MPIException {
        org.jmpi.Datatype t = old(old);
        count(count, "count");
        return build(old, () -> org.jmpi.Datatype.contiguous(count, t), "MPI_Type_contiguous");
    }

    static Datatype vector(int count, int blockLength, int stride, boolean bytes, Datatype old) throws MPIException {
        org.jmpi.Datatype t = old(old);
        count(count, "count");
        count(blockLength, "blockLength");
        return build(old, () -> bytes ? org.jmpi.Datatype.hvector(count, blockLength, stride, t)
                : org.jmpi.Datatype.vector(count, blockLength, stride, t), bytes ? "MPI_Type_create_hvector"
                : "MPI_Type_vector");
    }

    static Datatype indexed(int[] lengths, int[] displs, boolean bytes, Datatype old) throws MPIException {
        org.jmpi.Datatype t = old(old);
        lengths(lengths, displs == null ? -1 : displs.length);
        return build(old, () -> bytes ? org.jmpi.Datatype.hindexed(lengths, widen(displs), t)
                : org.jmpi.Datatype.indexed(lengths, displs, t), bytes ? "MPI_Type_create_hindexed"
                : "MPI_Type_indexed");
    }

    static Datatype struct(int[] lengths, int[] displs, Datatype[] types) throws MPIException {
        Lifecycle.check();
        if (types == null) {
            throw fail(MPI.ERR_TYPE, "types: null");
        }
        lengths(lengths, displs == null ? -1 : displs.length);
        if (types.length != lengths.length) {
            throw fail(MPI.ERR_ARG, "types: " + types.length + " types for " + lengths.length + " blocks");
        }
        org.jmpi.Datatype[] js = new org.jmpi.Datatype[types.length];
        for (int i = 0; i < js.length; i++) {
            js[i] = old(types[i]);
        }
        return build(MPI.BYTE, () -> org.jmpi.Datatype.struct(lengths, widen(displs), js), "MPI_Type_create_struct");
    }

    static Datatype resized(Datatype old, int lb, int extent) throws MPIException {
        org.jmpi.Datatype t = old(old);
        return build(old, () -> org.jmpi.Datatype.resized(lb, extent, t), "MPI_Type_create_resized");
    }

    static void setName(Datatype type, String name) throws MPIException {
        org.jmpi.Datatype t = type.jmpi();
        try {
            t.name(name);
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Type_set_name");
        }
    }

    static String getName(Datatype type) throws MPIException {
        org.jmpi.Datatype t = type.jmpi();
        try {
            return t.name();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Type_get_name");
        }
    }

    /** The jmpi types of an array of types, each live and committed (unchecked errors). */
    static org.jmpi.Datatype[] jmpi(Datatype[] types, String arg) {
        if (types == null) {
            throw Failure.arg(MPI.ERR_TYPE, arg + ": null");
        }
        org.jmpi.Datatype[] js = new org.jmpi.Datatype[types.length];
        for (int i = 0; i < js.length; i++) {
            if (types[i] == null) {
                throw Failure.arg(MPI.ERR_TYPE, arg + "[" + i + "]: null");
            }
            js[i] = types[i].forBuffer();
        }
        return js;
    }

    private interface Build {
        org.jmpi.Datatype run();
    }

    private static Datatype build(Datatype base, Build b, String call) throws MPIException {
        try {
            return Datatype.derived(base, b.run());
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, call);
        }
    }

    private static org.jmpi.Datatype old(Datatype old) throws MPIException {
        Lifecycle.check();
        if (old == null) {
            throw fail(MPI.ERR_TYPE, "oldType: null");
        }
        return old.jmpi();
    }

    private static void count(int n, String arg) throws MPIException {
        if (n < 0) {
            throw fail(MPI.ERR_COUNT, arg + ": " + n + " is negative");
        }
    }

    private static void lengths(int[] lengths, int displs) throws MPIException {
        if (lengths == null || displs < 0) {
            throw fail(MPI.ERR_ARG, (lengths == null ? "blockLengths" : "displacements") + ": null");
        }
        if (lengths.length != displs) {
            throw fail(MPI.ERR_ARG, "displacements: " + displs + " for " + lengths.length + " blocks");
        }
        for (int n : lengths) {
            count(n, "blockLengths");
        }
    }

    private static long[] widen(int[] a) {
        long[] l = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            l[i] = a[i];
        }
        return l;
    }

    private static MPIException fail(int errorClass, String message) {
        return Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(errorClass, message), "datatype constructor");
    }
}
