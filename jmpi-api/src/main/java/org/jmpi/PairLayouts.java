package org.jmpi;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.util.Map;
import java.util.Objects;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Java layouts of the {value, index} pairs that {@link Op#MINLOC} and {@link Op#MAXLOC}
 * reduce: one per predefined pair datatype, laid out as MPI's C struct (members
 * {@value #VALUE} and {@value #INDEX}, padding included), so a segment of N pairs is N
 * elements of the datatype. Checked on Open MPI 4.1 and MPICH 4.0 (x86-64): each layout's
 * size is the datatype's extent.
 *
 * <pre>{@code
 * VarHandle value = PairLayouts.DOUBLE_INT.arrayElementVarHandle(PathElement.groupElement(PairLayouts.VALUE));
 * VarHandle index = PairLayouts.DOUBLE_INT.arrayElementVarHandle(PathElement.groupElement(PairLayouts.INDEX));
 * MemorySegment pairs = arena.allocate(PairLayouts.DOUBLE_INT, n);
 * value.set(pairs, 0L, i, residual);
 * index.set(pairs, 0L, i, world.rank());
 * world.allreduce(pairs, Datatype.DOUBLE_INT, Op.MINLOC);  // smallest residual, and whose
 * }</pre>
 *
 * <table>
 * <caption>Pair datatypes and their layouts</caption>
 * <tr><th>datatype</th><th>layout</th><th>bytes</th></tr>
 * <tr><td>{@link Datatype#FLOAT_INT}</td><td>{@code float value; int index}</td><td>8</td></tr>
 * <tr><td>{@link Datatype#DOUBLE_INT}</td><td>{@code double value; int index; 4 bytes padding}</td><td>16</td></tr>
 * <tr><td>{@link Datatype#LONG_INT}</td><td>{@code long value; int index; 4 bytes padding} (C long: 64-bit)</td><td>16</td></tr>
 * <tr><td>{@link Datatype#INT_2}</td><td>{@code int value; int index}</td><td>8</td></tr>
 * <tr><td>{@link Datatype#SHORT_INT}</td><td>{@code short value; 2 bytes padding; int index}</td><td>8</td></tr>
 * </table>
 * {@link Datatype#LONG_DOUBLE_INT} has none: Java has no carrier for C's
 * {@code long double} (80-bit x87 in 16 bytes here, 32 bytes per pair).
 */
public final class PairLayouts {
    /** The name of the value member. */
    public static final String VALUE = "value";
    /** The name of the index member. */
    public static final String INDEX = "index";

    /** {@code MPI_FLOAT_INT}: {@code {float value; int index}}, 8 bytes. */
    public static final StructLayout FLOAT_INT = MemoryLayout.structLayout(
            JAVA_FLOAT.withName(VALUE), JAVA_INT.withName(INDEX)).withName("FLOAT_INT");
    /** {@code MPI_DOUBLE_INT}: {@code {double value; int index}} and 4 bytes of padding, 16 bytes. */
    public static final StructLayout DOUBLE_INT = MemoryLayout.structLayout(
            JAVA_DOUBLE.withName(VALUE), JAVA_INT.withName(INDEX), MemoryLayout.paddingLayout(4)).withName("DOUBLE_INT");
    /** {@code MPI_LONG_INT}: {@code {long value; int index}} and 4 bytes of padding, 16 bytes. */
    public static final StructLayout LONG_INT = MemoryLayout.structLayout(
            JAVA_LONG.withName(VALUE), JAVA_INT.withName(INDEX), MemoryLayout.paddingLayout(4)).withName("LONG_INT");
    /** {@code MPI_2INT}: {@code {int value; int index}}, 8 bytes. */
    public static final StructLayout INT_2 = MemoryLayout.structLayout(
            JAVA_INT.withName(VALUE), JAVA_INT.withName(INDEX)).withName("INT_2");
    /** {@code MPI_SHORT_INT}: {@code {short value; int index}} with 2 bytes of padding between, 8 bytes. */
    public static final StructLayout SHORT_INT = MemoryLayout.structLayout(
            JAVA_SHORT.withName(VALUE), MemoryLayout.paddingLayout(2), JAVA_INT.withName(INDEX)).withName("SHORT_INT");

    private PairLayouts() {
    }

    /**
     * The layout of a pair datatype.
     *
     * @throws IllegalArgumentException for {@link Datatype#LONG_DOUBLE_INT} (no Java
     *                                  carrier for {@code long double}) and any other type
     */
    public static StructLayout of(Datatype pair) {
        Objects.requireNonNull(pair, "pair");
        if (pair == Datatype.LONG_DOUBLE_INT) {
            throw new IllegalArgumentException("pair: MPI_LONG_DOUBLE_INT has no layout: Java has no carrier for"
                    + " C's long double");
        }
        StructLayout layout = ByType.MAP.get(pair);
        if (layout != null) {
            return layout;
        }
        throw new IllegalArgumentException("pair: " + pair + " is not a MINLOC/MAXLOC pair type (FLOAT_INT,"
                + " DOUBLE_INT, LONG_INT, INT_2, SHORT_INT)");
    }

    /**
     * Each pair datatype's layout (datatypes compare by identity), in a holder so that the
     * layouts above can be used without loading {@link Datatype}.
     */
    private static final class ByType {
        static final Map<Datatype, StructLayout> MAP = Map.of(Datatype.FLOAT_INT, FLOAT_INT,
                Datatype.DOUBLE_INT, DOUBLE_INT, Datatype.LONG_INT, LONG_INT, Datatype.INT_2, INT_2,
                Datatype.SHORT_INT, SHORT_INT);
    }
}
