package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The origin and result buffers of one-sided calls that MPI may still read or write:
 * an RMA call completes only at a later synchronization. Holding them keeps an automatic
 * arena's memory reachable until then; a synchronization first checks that no held
 * buffer's arena was closed (MPI would touch freed memory) and releases what it
 * completes: everything, or the buffers of one target.
 */
final class WinHolds {
    /** Stands for every target in {@link #check} and {@link #release}. */
    static final int ALL = Integer.MIN_VALUE;

    private MemorySegment[] segments = new MemorySegment[8];
    private int[] targets = new int[8];
    private int count;

    /** Holds {@code seg} until the operation on {@code target} is completed by a synchronization. */
    synchronized void hold(int target, MemorySegment seg) {
        if (count == segments.length) {
            segments = Arrays.copyOf(segments, count * 2);
            targets = Arrays.copyOf(targets, count * 2);
        }
        segments[count] = seg;
        targets[count++] = target;
    }

    /** Refuses {@code call} if a buffer it would complete has lost its arena. */
    synchronized void check(int target, String call) {
        for (int i = 0; i < count; i++) {
            if ((target == ALL || targets[i] == target) && !segments[i].scope().isAlive()) {
                throw new IllegalStateException(call + ": the arena of a buffer given to a one-sided call to target"
                        + " rank " + targets[i] + " was closed before the call completed; MPI could touch freed"
                        + " memory, so the synchronization is refused");
            }
        }
    }

    /** Drops the buffers of {@code target} (or all), completed by a synchronization. */
    synchronized void release(int target) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (target != ALL && targets[i] != target) {
                segments[kept] = segments[i];
                targets[kept++] = targets[i];
            }
        }
        Arrays.fill(segments, kept, count, null);
        count = kept;
    }
}
