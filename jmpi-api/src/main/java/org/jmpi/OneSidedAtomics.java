package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Single-element atomics of a {@link Win}: fetch-and-op and compare-and-swap, on buffers
 * (completed, like every RMA call, by a later synchronization) or on Java values.
 *
 * <p>The value forms name the element's type with a layout, never with the Java type
 * of a literal: {@code win.fetchAndOp(JAVA_LONG, 1, 0, 0, Op.SUM)} adds 1 to the 64-bit
 * element (the {@code int} literal widens to the {@code long} that {@code JAVA_LONG}
 * takes), {@code JAVA_INT} works on a 32-bit one and {@code JAVA_DOUBLE} on a double
 * ({@link Datatype#of(java.lang.foreign.MemoryLayout)}: INT64, INT32, DOUBLE). A value that does not fit the
 * layout's carrier does not compile. They complete the operation before they return
 * ({@code MPI_Win_flush} of the target, which also completes this process's other calls
 * to it), so they need a passive-target epoch ({@code lock} or {@code lockAll}) on the
 * target, checked first.
 *
 * <p>The buffer forms take each buffer as an array or a {@link Buf} (one element of the
 * result's datatype is used) or as segments with one datatype; an array's data arrive at
 * the completing synchronization, as in {@link OneSided}. Compare-and-swap is refused
 * where the MPI library is known to crash in it (see {@link Win}).
 */
public sealed interface OneSidedAtomics permits Win {

    /**
     * Fetches one element at the target into {@code result} and combines the first element
     * of {@code origin} into it with {@code op} ({@code MPI_Fetch_and_op}); both are arrays
     * or {@link Buf}s of one predefined datatype. {@code origin} may be null with {@link Op#NO_OP}.
     */
    default void fetchAndOp(Object origin, Object result, int targetRank, long targetDisp, Op op) {
        Rma.atomic(win(), origin, null, result, targetRank, targetDisp, Objects.requireNonNull(op, "op"));
    }

    /**
     * Fetches one element of {@code type} (predefined) at the target into {@code result}
     * and combines the first element of {@code origin} into it with {@code op}
     * ({@code MPI_Fetch_and_op}); {@code origin} may be null with {@link Op#NO_OP}.
     */
    default void fetchAndOp(MemorySegment origin, MemorySegment result, Datatype type, int targetRank,
                            long targetDisp, Op op) {
        Rma.atomic(win(), origin, null, result, type, targetRank, targetDisp, Objects.requireNonNull(op, "op"));
    }

    /**
     * Fetches one element at the target into {@code result} and replaces it with the first
     * element of {@code origin} if it equals the first of {@code compare}
     * ({@code MPI_Compare_and_swap}); all three are arrays or {@link Buf}s of one integer,
     * logical or byte datatype.
     *
     * @throws UnsupportedOperationException on a window where the MPI library is known to
     *                                       crash in compare-and-swap (see {@link Win})
     */
    default void compareAndSwap(Object origin, Object compare, Object result, int targetRank, long targetDisp) {
        Rma.atomic(win(), origin, Objects.requireNonNull(compare, "compare"), result, targetRank, targetDisp, null);
    }

    /** {@link #compareAndSwap(Object, Object, Object, int, long)} of segments holding elements of {@code type}. */
    default void compareAndSwap(MemorySegment origin, MemorySegment compare, MemorySegment result, Datatype type,
                                int targetRank, long targetDisp) {
        Rma.atomic(win(), origin, compare, result, type, targetRank, targetDisp, null);
    }

    /**
     * Applies {@code op} with {@code value} to the 64-bit integer ({@code type}
     * {@code JAVA_LONG}: {@link Datatype#INT64}) at the target and returns its previous
     * value; completed before returning (needs a passive-target epoch).
     */
    default long fetchAndOp(ValueLayout.OfLong type, long value, int targetRank, long targetDisp, Op op) {
        return Rma.atomicValue(win(), Rma.valueType(type), targetRank, targetDisp, Objects.requireNonNull(op, "op"),
                value, 0, "fetchAndOp").get(JAVA_LONG, 0);
    }

    /** {@link #fetchAndOp(ValueLayout.OfLong, long, int, long, Op)} on a 32-bit integer ({@code JAVA_INT}: {@link Datatype#INT32}). */
    default int fetchAndOp(ValueLayout.OfInt type, int value, int targetRank, long targetDisp, Op op) {
        return Rma.atomicValue(win(), Rma.valueType(type), targetRank, targetDisp, Objects.requireNonNull(op, "op"),
                value, 0, "fetchAndOp").get(JAVA_INT, 0);
    }

    /** {@link #fetchAndOp(ValueLayout.OfLong, long, int, long, Op)} on a double ({@code JAVA_DOUBLE}: {@link Datatype#DOUBLE}). */
    default double fetchAndOp(ValueLayout.OfDouble type, double value, int targetRank, long targetDisp, Op op) {
        return Rma.atomicValue(win(), Rma.valueType(type), targetRank, targetDisp, Objects.requireNonNull(op, "op"),
                Double.doubleToRawLongBits(value), 0, "fetchAndOp").get(JAVA_DOUBLE, 0);
    }

    /**
     * Replaces the 64-bit integer ({@code JAVA_LONG}: {@link Datatype#INT64}) at the target
     * with {@code value} if it equals {@code compare}, and returns its previous value (equal
     * to {@code compare} exactly when the swap happened); completed before returning
     * (needs a passive-target epoch).
     */
    default long compareAndSwap(ValueLayout.OfLong type, long value, long compare, int targetRank, long targetDisp) {
        return Rma.atomicValue(win(), Rma.valueType(type), targetRank, targetDisp, null, value, compare,
                "compareAndSwap").get(JAVA_LONG, 0);
    }

    /** {@link #compareAndSwap(ValueLayout.OfLong, long, long, int, long)} on a 32-bit integer ({@code JAVA_INT}: {@link Datatype#INT32}). */
    default int compareAndSwap(ValueLayout.OfInt type, int value, int compare, int targetRank, long targetDisp) {
        return Rma.atomicValue(win(), Rma.valueType(type), targetRank, targetDisp, null, value, compare,
                "compareAndSwap").get(JAVA_INT, 0);
    }

    private Win win() {
        return (Win) this;
    }
}
