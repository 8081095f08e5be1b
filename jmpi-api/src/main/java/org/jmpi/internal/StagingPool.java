package org.jmpi.internal;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Freed staging buffers kept for reuse, by power-of-two size class. Nonblocking calls on
 * arrays, and file, one-sided and DSM calls on them, each get native memory that their
 * request owns. Without the pool, {@code malloc} serves a large one with a fresh
 * {@code mmap}, whose every page then faults on first touch, and {@code free} unmaps it
 * again; a window of middle-sized ones (64 of 64 KiB) grows the top of {@code malloc}'s
 * heap, which {@code free} trims again, with the same faults on the next window. A
 * window of 64 nonblocking sends of arrays spent most of its time in the kernel that way.
 * The pool keeps such buffers mapped instead, up to {@value #DEFAULT_LIMIT_MIB} MiB in
 * all by default (system property {@value #LIMIT_PROPERTY}, in bytes; 0 turns it off),
 * and hands them out again to any thread. A buffer that does not fit makes room by
 * evicting kept buffers of other classes first, largest first, so a program that moves
 * on to another message size is not left with a pool full of the old one. Not public API.
 */
final class StagingPool {
    /** The system property that sets how many bytes the pool may keep. */
    static final String LIMIT_PROPERTY = "jmpi.staging.pool";
    static final long DEFAULT_LIMIT_MIB = 256;
    /** The smallest pooled size, 4 KiB (smaller buffers come from {@code malloc}'s bins as asked). */
    static final int MIN_SHIFT = 12;
    /** The largest pooled size, 64 MiB; larger buffers are allocated and freed as asked. */
    static final int MAX_SHIFT = 26;

    private static final MemorySegment[] NONE = new MemorySegment[0];
    private static final long LIMIT = Math.max(0, Long.getLong(LIMIT_PROPERTY, DEFAULT_LIMIT_MIB << 20));
    private static final Object LOCK = new Object();
    /** Per size class, a stack of free buffers; grown as needed. */
    private static final MemorySegment[][] FREE = new MemorySegment[MAX_SHIFT - MIN_SHIFT + 1][];
    private static final int[] COUNT = new int[MAX_SHIFT - MIN_SHIFT + 1];
    private static long kept;

    private StagingPool() {
    }

    /** The size class of a buffer of {@code bytes}, or -1 when it is not pooled. */
    static int sizeClass(long bytes) {
        if (LIMIT == 0 || bytes < (1L << MIN_SHIFT) || bytes > (1L << MAX_SHIFT)) {
            return -1;
        }
        return 64 - Long.numberOfLeadingZeros(bytes - 1) - MIN_SHIFT;
    }

    /** The bytes to allocate for size class {@code c}. */
    static long classBytes(int c) {
        return 1L << (c + MIN_SHIFT);
    }

    /** A kept buffer of class {@code c} (at least {@link #classBytes} bytes), or null. */
    static MemorySegment take(int c) {
        synchronized (LOCK) {
            if (COUNT[c] == 0) {
                return null;
            }
            MemorySegment s = FREE[c][--COUNT[c]];
            FREE[c][COUNT[c]] = null;
            kept -= classBytes(c);
            return s;
        }
    }

    /**
     * Keeps {@code buffer} of class {@code c}, evicting kept buffers of other classes
     * (largest first) when that makes room. Returns what the caller must free: none
     * (usually), the evicted buffers, or {@code buffer} itself when it cannot be kept.
     */
    static MemorySegment[] give(int c, MemorySegment buffer) {
        long bytes = classBytes(c);
        if (bytes > LIMIT) {
            return new MemorySegment[] {buffer};
        }
        synchronized (LOCK) {
            MemorySegment[] evicted = kept + bytes > LIMIT ? evictFor(c, bytes) : NONE;
            if (kept + bytes > LIMIT) {
                // the class itself fills the pool: keep what is there, free this one
                MemorySegment[] all = Arrays.copyOf(evicted, evicted.length + 1);
                all[evicted.length] = buffer;
                return all;
            }
            push(c, buffer);
            return evicted;
        }
    }

    /** Removes buffers of classes other than {@code c}, largest first, until {@code bytes} more fit or none is left. */
    private static MemorySegment[] evictFor(int c, long bytes) {
        List<MemorySegment> out = new ArrayList<>();
        for (int k = COUNT.length - 1; k >= 0 && kept + bytes > LIMIT; k--) {
            while (k != c && COUNT[k] > 0 && kept + bytes > LIMIT) {
                out.add(FREE[k][--COUNT[k]]);
                FREE[k][COUNT[k]] = null;
                kept -= classBytes(k);
            }
        }
        return out.toArray(NONE);
    }

    private static void push(int c, MemorySegment buffer) {
        MemorySegment[] stack = FREE[c];
        if (stack == null || COUNT[c] == stack.length) {
            MemorySegment[] grown = new MemorySegment[stack == null ? 8 : stack.length * 2];
            if (stack != null) {
                System.arraycopy(stack, 0, grown, 0, COUNT[c]);
            }
            FREE[c] = grown;
            stack = grown;
        }
        stack[COUNT[c]++] = buffer;
        kept += classBytes(c);
    }
}
