package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Put, get and accumulate of a {@link Win}. Each call starts a transfer between an origin
 * buffer of this process and the window of {@code targetRank}, at {@code targetDisp}
 * units of the target's displacement unit (the address, for a dynamic window). It
 * completes only at the synchronization that ends the epoch (fence, complete, unlock,
 * flush ...): only then may a segment origin be reused or a get's data be read.
 * {@link Comm#PROC_NULL} as target makes the call a no-op.
 *
 * <p>The origin is a message ({@code Object origin}): a Java array, all of it with its
 * element type's datatype, or a {@link Buf} with its own count and datatype; or a
 * segment with a datatype (and counts). The target takes the origin's count and
 * datatype unless given ({@code targetCount}, {@code targetType}); both must describe the
 * same number of bytes of data. An array (or heap segment) is never given to MPI, since
 * it may move: its data are copied to native memory when the call is made (so the array
 * may be changed at once), and data a get or a fetching call brings arrive in the array
 * at the synchronization that completes the call, not before; the copy is freed then.
 * Targets outside the target's window are refused before the call when the window's
 * size is known (every flavor but dynamic).
 */
public sealed interface OneSided permits Win {

    /** Writes {@code origin}, an array or a {@link Buf}, into the target's window as the same elements ({@code MPI_Put}). */
    default void put(Object origin, int targetRank, long targetDisp) {
        Rma.transfer(win(), Rma.PUT, origin, targetRank, targetDisp, -1, null, null, null);
    }

    /** Writes {@code origin} as {@code targetCount} elements of {@code targetType} ({@code MPI_Put}). */
    default void put(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType) {
        Rma.transfer(win(), Rma.PUT, origin, targetRank, targetDisp, Args.count(targetCount, "targetCount"),
                Rma.explicit(targetType), null, null);
    }

    /** Writes the whole origin segment into the target's window ({@code MPI_Put}). */
    default void put(MemorySegment origin, Datatype type, int targetRank, long targetDisp) {
        Rma.transfer(win(), Rma.PUT, origin, -1, type, targetRank, targetDisp, -1, null, null, null);
    }

    /** Writes {@code originCount} elements as {@code targetCount} elements of {@code targetType} ({@code MPI_Put}). */
    default void put(MemorySegment origin, int originCount, Datatype originType, int targetRank, long targetDisp,
                     int targetCount, Datatype targetType) {
        Rma.transfer(win(), Rma.PUT, origin, Args.count(originCount, "originCount"), originType, targetRank,
                targetDisp, Args.count(targetCount, "targetCount"), Rma.explicit(targetType), null, null);
    }

    /**
     * Reads the same elements from the target's window into {@code origin}, an array or a
     * {@link Buf} ({@code MPI_Get}); an array receives them at the completing synchronization.
     */
    default void get(Object origin, int targetRank, long targetDisp) {
        Rma.transfer(win(), Rma.GET, origin, targetRank, targetDisp, -1, null, null, null);
    }

    /** Reads {@code targetCount} elements of {@code targetType} into {@code origin} ({@code MPI_Get}). */
    default void get(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType) {
        Rma.transfer(win(), Rma.GET, origin, targetRank, targetDisp, Args.count(targetCount, "targetCount"),
                Rma.explicit(targetType), null, null);
    }

    /** Reads from the target's window into the whole origin, a writable segment ({@code MPI_Get}). */
    default void get(MemorySegment origin, Datatype type, int targetRank, long targetDisp) {
        Rma.transfer(win(), Rma.GET, origin, -1, type, targetRank, targetDisp, -1, null, null, null);
    }

    /** Reads {@code targetCount} elements of {@code targetType} into {@code originCount} elements ({@code MPI_Get}). */
    default void get(MemorySegment origin, int originCount, Datatype originType, int targetRank, long targetDisp,
                     int targetCount, Datatype targetType) {
        Rma.transfer(win(), Rma.GET, origin, Args.count(originCount, "originCount"), originType, targetRank,
                targetDisp, Args.count(targetCount, "targetCount"), Rma.explicit(targetType), null, null);
    }

    /**
     * Combines {@code origin}, an array or a {@link Buf}, into the target's window with
     * {@code op}, element by element and atomically per element ({@code MPI_Accumulate}).
     * {@code op} is a predefined op; {@link Op#REPLACE} makes an atomic put. User-defined
     * ops and {@link Op#NO_OP} are refused.
     */
    default void accumulate(Object origin, int targetRank, long targetDisp, Op op) {
        Rma.transfer(win(), Rma.ACCUMULATE, origin, targetRank, targetDisp, -1, null, op, null);
    }

    /** {@link #accumulate(Object, int, long, Op)} into {@code targetCount} elements of {@code targetType}. */
    default void accumulate(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType,
                            Op op) {
        Rma.transfer(win(), Rma.ACCUMULATE, origin, targetRank, targetDisp, Args.count(targetCount, "targetCount"),
                Rma.explicit(targetType), op, null);
    }

    /** {@link #accumulate(Object, int, long, Op)} of the whole origin segment ({@code MPI_Accumulate}). */
    default void accumulate(MemorySegment origin, Datatype type, int targetRank, long targetDisp, Op op) {
        Rma.transfer(win(), Rma.ACCUMULATE, origin, -1, type, targetRank, targetDisp, -1, null, op, null);
    }

    /** Accumulate with explicit counts and types at both ends ({@code MPI_Accumulate}). */
    default void accumulate(MemorySegment origin, int originCount, Datatype originType, int targetRank,
                            long targetDisp, int targetCount, Datatype targetType, Op op) {
        Rma.transfer(win(), Rma.ACCUMULATE, origin, Args.count(originCount, "originCount"), originType, targetRank,
                targetDisp, Args.count(targetCount, "targetCount"), Rma.explicit(targetType), op, null);
    }

    /**
     * Fetches the target's elements into {@code result}, then combines {@code origin} into
     * them with {@code op}, atomically per element ({@code MPI_Get_accumulate}). Each is an
     * array or a {@link Buf}; the target takes the result's count and datatype, and
     * {@code origin} must carry as much data. With {@link Op#NO_OP} it is an atomic read
     * and {@code origin} may be null; with {@link Op#REPLACE} an atomic swap.
     */
    default void getAccumulate(Object origin, Object result, int targetRank, long targetDisp, Op op) {
        Rma.getAccumulate(win(), origin, result, targetRank, targetDisp, -1, null, op, null);
    }

    /** {@link #getAccumulate(Object, Object, int, long, Op)} on {@code targetCount} elements of {@code targetType}. */
    default void getAccumulate(Object origin, Object result, int targetRank, long targetDisp, int targetCount,
                               Datatype targetType, Op op) {
        Rma.getAccumulate(win(), origin, result, targetRank, targetDisp, Args.count(targetCount, "targetCount"),
                Rma.explicit(targetType), op, null);
    }

    /** {@link #getAccumulate(Object, Object, int, long, Op)} of segments, each as elements of {@code type}. */
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
                Args.count(targetCount, "targetCount"), Rma.explicit(targetType), op, null);
    }

    private Win win() {
        return (Win) this;
    }
}
