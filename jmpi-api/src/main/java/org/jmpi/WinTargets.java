package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The window size and displacement unit of every process of a window, gathered when it
 * is created, so a target range outside the target's window is refused before MPI sees
 * it. A dynamic window's targets are unknown (its memory is whatever is attached); only
 * the displacement's sign is checked there.
 */
final class WinTargets {
    private final int size;
    /** Bytes and displacement unit per rank; null for a dynamic window. */
    private final long[] bytes;
    private final int[] units;

    private WinTargets(int size, long[] bytes, int[] units) {
        this.size = size;
        this.bytes = bytes;
        this.units = units;
    }

    /** Targets of a dynamic window over {@code size} processes. */
    static WinTargets unknown(int size) {
        return new WinTargets(size, null, null);
    }

    /** Gathers every process's window size and unit over {@code comm} ({@code MPI_Allgather}); collective. */
    static WinTargets gather(Comm comm, long bytes, int dispUnit) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment all = a.allocate(JAVA_LONG, 2L * comm.size);
            Errors.check(MpiCalls.MPI_Allgather(a.allocateFrom(JAVA_LONG, bytes, dispUnit), 2, Handles.LONG, all, 2,
                    Handles.LONG, comm.handle), "MPI_Allgather");
            long[] sizes = new long[comm.size];
            int[] units = new int[comm.size];
            for (int r = 0; r < comm.size; r++) {
                sizes[r] = all.getAtIndex(JAVA_LONG, 2L * r);
                units[r] = (int) all.getAtIndex(JAVA_LONG, 2L * r + 1);
            }
            return new WinTargets(comm.size, sizes, units);
        }
    }

    /** The window size in bytes of {@code rank}. */
    long bytes(int rank, String call) {
        known(rank, call);
        return bytes[rank];
    }

    /** The displacement unit of {@code rank}: 1 for a dynamic window. */
    int unit(int rank, String call) {
        if (bytes == null) {
            return 1;
        }
        known(rank, call);
        return units[rank];
    }

    private void known(int rank, String call) {
        if (bytes == null) {
            throw new IllegalStateException(call + ": a dynamic window has no fixed size");
        }
        if (rank < 0 || rank >= size) {
            throw new IllegalArgumentException("rank: " + rank + " is not in [0, " + size + ")");
        }
    }

    /**
     * Checks the target rank ({@code PROC_NULL} allowed), that the displacement is not
     * negative and that {@code count} elements of {@code type} at {@code disp} lie in the
     * target's window when its size is known.
     */
    void check(int target, long disp, int count, Datatype type) {
        Args.dest(target, size, "targetRank");
        if (disp < 0) {
            throw new IllegalArgumentException("targetDisp must not be negative, got " + disp);
        }
        if (bytes == null || target == Args.PROC_NULL || count == 0) {
            return;
        }
        long unit = units[target];
        long[] span = span(disp, unit, count, type);
        long first = span[0];
        long end = span[1];
        if (first < 0 || end > bytes[target]) {
            throw new IllegalArgumentException("targetDisp: " + count + " x " + type + " at displacement " + disp
                    + " (unit " + unit + " bytes) span bytes [" + first + ", " + end + ") but the window of target rank "
                    + target + " has " + bytes[target] + " bytes");
        }
    }

    /** The bytes {@code [first, end)} that {@code count} elements of {@code type} at {@code disp} cover; {@code [-1, MAX)} on overflow. */
    static long[] span(long disp, long unit, int count, Datatype type) {
        try {
            long start = Math.multiplyExact(disp, unit) + type.trueLowerBound();
            long d = Math.multiplyExact((long) count - 1, type.extent());
            return new long[] {start + Math.min(0, d), Math.addExact(start + type.trueExtent(), Math.max(0, d))};
        } catch (ArithmeticException e) {
            return new long[] {-1, Long.MAX_VALUE};
        }
    }

    /**
     * On a dynamic window, the calling process's own memory is known: a target range at this
     * process ({@code self}) must lie in one region it attached (MPICH reads an unattached
     * address of its own process without checking, and the JVM crashes).
     */
    static void checkAttached(Win w, int self, int target, long disp, int count, Datatype type) {
        if (w.flavor() != WinFlavor.DYNAMIC || target != self || count == 0) {
            return;
        }
        long[] span = span(disp, 1, count, type);
        if (!w.attachedCovers(span[0], span[1])) {
            throw new IllegalArgumentException("targetDisp: " + count + " x " + type + " at address " + disp
                    + " span bytes [" + span[0] + ", " + span[1] + ") that no region attached to this dynamic window"
                    + " by its own process holds");
        }
    }
}
