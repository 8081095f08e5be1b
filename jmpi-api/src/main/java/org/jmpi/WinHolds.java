package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.internal.Staging;

/**
 * The origin and result buffers of one-sided calls that MPI may still read or write:
 * an RMA call completes only at a later synchronization. Holding them keeps an automatic
 * arena's memory reachable until then; a synchronization first checks that no held
 * buffer's arena was closed (MPI would touch freed memory) and releases what it
 * completes: everything, or the buffers of one target. A Java array (or heap segment)
 * given to a call is held as its native copy ({@link NativeCopy}, from {@code malloc}):
 * on release, a result's copy is copied back into the array, then every copy is freed.
 */
final class WinHolds {
    /** Stands for every target in {@link #check} and {@link #release}. */
    static final int ALL = Integer.MIN_VALUE;

    private MemorySegment[] segments = new MemorySegment[8];
    private int[] targets = new int[8];
    /** For a native copy: whether it is one (freed on release), and where a result's data go back. */
    private boolean[] copies = new boolean[8];
    private Object[] backs = new Object[8];
    private long[] offsets = new long[8];
    private long[] bytes = new long[8];
    private int count;

    /** Holds {@code seg}, a caller's native segment, until the operation on {@code target} is completed by a synchronization. */
    synchronized void hold(int target, MemorySegment seg) {
        add(target, seg, false, null, 0, 0);
    }

    /**
     * Holds {@code copy}, a native copy from {@code malloc}, until the operation on
     * {@code target} completes; then its first {@code n} bytes go back to {@code at} in
     * {@code back} (an array or heap segment; null for an origin MPI only reads) and it is freed.
     */
    synchronized void holdCopy(int target, MemorySegment copy, Object back, long at, long n) {
        add(target, copy, true, back, at, n);
    }

    private void add(int target, MemorySegment seg, boolean copy, Object back, long at, long n) {
        if (count == segments.length) {
            int grown = count * 2;
            segments = Arrays.copyOf(segments, grown);
            targets = Arrays.copyOf(targets, grown);
            copies = Arrays.copyOf(copies, grown);
            backs = Arrays.copyOf(backs, grown);
            offsets = Arrays.copyOf(offsets, grown);
            bytes = Arrays.copyOf(bytes, grown);
        }
        segments[count] = seg;
        copies[count] = copy;
        backs[count] = back;
        offsets[count] = at;
        bytes[count] = n;
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

    /**
     * Drops the buffers of {@code target} (or all), completed by a synchronization: the
     * results held as copies are copied back into their arrays, in the order of the calls,
     * and the copies freed.
     */
    synchronized void release(int target) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (target != ALL && targets[i] != target) {
                segments[kept] = segments[i];
                targets[kept] = targets[i];
                copies[kept] = copies[i];
                backs[kept] = backs[i];
                offsets[kept] = offsets[i];
                bytes[kept++] = bytes[i];
            } else if (copies[i]) {
                if (backs[i] != null) {
                    Staging.out(segments[i], backs[i], offsets[i], bytes[i]);
                }
                Staging.free(segments[i]);
            }
        }
        Arrays.fill(segments, kept, count, null);
        Arrays.fill(backs, kept, count, null);
        count = kept;
    }
}
