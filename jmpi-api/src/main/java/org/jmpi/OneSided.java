package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Put, get and accumulate of a {@link Win}. Each call starts a transfer between a native
 * origin segment of this process and the window of {@code targetRank}, at
 * {@code targetDisp} units of the target's displacement unit (the address, for a dynamic
 * window). It completes only at the synchronization that ends the epoch (fence,
 * complete, unlock, flush ...): only then may the origin be reused or a get's data be
 * read. {@link Comm#PROC_NULL} as target makes the call a no-op. Short forms take the
 * element count from the origin's size and use the same count and type at the target;
 * the full forms take both, which must describe the same number of bytes of data.
 * Targets outside the target's window are refused before the call when the window's
 * size is known (every flavor but dynamic).
 */
public sealed interface OneSided permits Win {

    /** Writes the whole origin into the target's window ({@code MPI_Put}). */
    default void put(MemorySegment origin, Datatype type, int targetRank, long targetDisp) {
        Rma.transfer(win(), Rma.PUT, origin, -1, type, targetRank, targetDisp, -1, null, null, null);
    }

    /** Writes {@code originCount} elements as {@code targetCount} elements of {@code targetType} ({@code MPI_Put}). */
    default void put(MemorySegment origin, int originCount, Datatype originType, int targetRank, long targetDisp,
                     int targetCount, Datatype targetType) {
        Rma.transfer(win(), Rma.PUT, origin, Args.count(originCount, "originCount"), originType, targetRank,
                targetDisp, Args.count(targetCount, "targetCount"), targetType, null, null);
    }

    /** Reads from the target's window into the whole origin, a writable segment ({@code MPI_Get}). */
    default void get(MemorySegment origin, Datatype type, int targetRank, long targetDisp) {
        Rma.transfer(win(), Rma.GET, origin, -1, type, targetRank, targetDisp, -1, null, null, null);
    }

    /** Reads {@code targetCount} elements of {@code targetType} into {@code originCount} elements ({@code MPI_Get}). */
    default void get(MemorySegment origin, int originCount, Datatype originType, int targetRank, long targetDisp,
                     int targetCount, Datatype targetType) {
        Rma.transfer(win(), Rma.GET, origin, Args.count(originCount, "originCount"), originType, targetRank,
                targetDisp, Args.count(targetCount, "targetCount"), targetType, null, null);
    }

    /**
     * Combines the whole origin into the target's window with {@code op}, element by
     * element and atomically per element ({@code MPI_Accumulate}). {@code op} is a
     * predefined op; {@link Op#REPLACE} makes an atomic put. User-defined ops and
     * {@link Op#NO_OP} are refused.
     */
    default void accumulate(MemorySegment origin, Datatype type, int targetRank, long targetDisp, Op op) {
        Rma.transfer(win(), Rma.ACCUMULATE, origin, -1, type, targetRank, targetDisp, -1, null, op, null);
    }

    /** Accumulate with explicit counts and types at both ends ({@code MPI_Accumulate}). */
    default void accumulate(MemorySegment origin, int originCount, Datatype originType, int targetRank,
                            long targetDisp, int targetCount, Datatype targetType, Op op) {
        Rma.transfer(win(), Rma.ACCUMULATE, origin, Args.count(originCount, "originCount"), originType, targetRank,
                targetDisp, Args.count(targetCount, "targetCount"), targetType, op, null);
    }

    /**
     * Fetches the target's elements into {@code result}, then combines {@code origin} into
     * them with {@code op}, atomically per element ({@code MPI_Get_accumulate}). The counts
     * come from {@code result}; {@code origin} must carry as much data. With
     * {@link Op#NO_OP} it is an atomic read and {@code origin} may be null; with
     * {@link Op#REPLACE} an atomic swap.
     */
    default void getAccumulate(MemorySegment origin, MemorySegment result, Datatype type, int targetRank,
                               long targetDisp, Op op) {
        Rma.getAccumulate(win(), origin, -1, type, result, -1, type, targetRank, targetDisp, -1, null, op, null);
    }

    /** Get-accumulate with explicit counts and types for origin, result and target ({@code MPI_Get_accumulate}). */
    default void getAccumulate(MemorySegment origin, int originCount, Datatype originType, MemorySegment result,
                               int resultCount, Datatype resultType, int targetRank, long targetDisp, int targetCount,
                               Datatype targetType, Op op) {
        Rma.getAccumulate(win(), origin, Args.count(originCount, "originCount"), originType, result,
                Args.count(resultCount, "resultCount"), resultType, targetRank, targetDisp,
                Args.count(targetCount, "targetCount"), targetType, op, null);
    }

    private Win win() {
        return (Win) this;
    }
}
