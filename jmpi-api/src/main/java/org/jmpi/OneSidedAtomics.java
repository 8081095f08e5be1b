package org.jmpi;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Single-element atomics of a {@link Win}: fetch-and-op and compare-and-swap, on native
 * segments (completed, like every RMA call, by a later synchronization) or on Java
 * values. The value forms complete the operation before they return
 * ({@code MPI_Win_flush} of the target, which also completes this process's other calls
 * to it), so they need a passive-target epoch ({@code lock} or {@code lockAll}) on the
 * target, checked first. Compare-and-swap is refused where the MPI library is known to
 * crash in it (see {@link Win}).
 */
public sealed interface OneSidedAtomics permits Win {

    /**
     * Fetches one element of {@code type} (predefined) at the target into {@code result}
     * and combines the first element of {@code origin} into it with {@code op}
     * ({@code MPI_Fetch_and_op}); {@code origin} may be null with {@link Op#NO_OP}.
     */
    default void fetchAndOp(MemorySegment origin, MemorySegment result, Datatype type, int targetRank,
                            long targetDisp, Op op) {
        Rma.atomic(win(), origin, null, result, type, targetRank, targetDisp, op);
    }

    /**
     * Fetches one element of {@code type} at the target into {@code result} and replaces
     * it with the first element of {@code origin} if it equals the first of {@code compare}
     * ({@code MPI_Compare_and_swap}); {@code type} is an integer, logical or byte type.
     *
     * @throws UnsupportedOperationException on a window where the MPI library is known to
     *                                       crash in compare-and-swap (see {@link Win})
     */
    default void compareAndSwap(MemorySegment origin, MemorySegment compare, MemorySegment result, Datatype type,
                                int targetRank, long targetDisp) {
        Rma.atomic(win(), origin, compare, result, type, targetRank, targetDisp, null);
    }

    /**
     * Applies {@code op} with {@code value} to the {@link Datatype#LONG} at the target and
     * returns its previous value; completed before returning (needs a passive-target epoch).
     */
    default long fetchAndOp(long value, int targetRank, long targetDisp, Op op) {
        return Rma.atomicValue(win(), Datatype.LONG, targetRank, targetDisp, op, value, 0, "fetchAndOp")
                .get(JAVA_LONG, 0);
    }

    /** {@link #fetchAndOp(long, int, long, Op)} on an {@link Datatype#INT}. */
    default int fetchAndOp(int value, int targetRank, long targetDisp, Op op) {
        return Rma.atomicValue(win(), Datatype.INT, targetRank, targetDisp, op, value, 0, "fetchAndOp")
                .get(JAVA_INT, 0);
    }

    /** {@link #fetchAndOp(long, int, long, Op)} on a {@link Datatype#DOUBLE}. */
    default double fetchAndOp(double value, int targetRank, long targetDisp, Op op) {
        return Rma.atomicValue(win(), Datatype.DOUBLE, targetRank, targetDisp, op, Double.doubleToRawLongBits(value),
                0, "fetchAndOp").get(JAVA_DOUBLE, 0);
    }

    /**
     * Replaces the {@link Datatype#LONG} at the target with {@code value} if it equals
     * {@code compare}, and returns its previous value (equal to {@code compare} exactly
     * when the swap happened); completed before returning (needs a passive-target epoch).
     */
    default long compareAndSwap(long value, long compare, int targetRank, long targetDisp) {
        return Rma.atomicValue(win(), Datatype.LONG, targetRank, targetDisp, null, value, compare, "compareAndSwap")
                .get(JAVA_LONG, 0);
    }

    /** {@link #compareAndSwap(long, long, int, long)} on an {@link Datatype#INT}. */
    default int compareAndSwap(int value, int compare, int targetRank, long targetDisp) {
        return Rma.atomicValue(win(), Datatype.INT, targetRank, targetDisp, null, value, compare, "compareAndSwap")
                .get(JAVA_INT, 0);
    }

    private Win win() {
        return (Win) this;
    }
}
