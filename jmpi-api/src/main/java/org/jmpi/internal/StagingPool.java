package org.jmpi.internal;

import java.lang.foreign.MemorySegment;

/**
 * Freed large staging buffers kept for reuse, by power-of-two size class. Nonblocking
 * calls on arrays, and file, one-sided and DSM calls on them, each get native memory that
 * their request owns; {@code malloc} serves a large one with a fresh {@code mmap}, whose
 * every page then faults on first touch, and {@code free} unmaps it again. A window of 64
 * nonblocking sends of 1 MiB arrays spent most of its time in the kernel that way. The
 * pool keeps such buffers mapped instead, up to {@value #DEFAULT_LIMIT_MIB} MiB in all by
 * default (system property {@value #LIMIT_PROPERTY}, in bytes; 0 turns it off), and hands
 * them out again to any thread. Not public API.
 */
final class StagingPool {
    /** The system property that sets how many bytes the pool may keep. */
    static final String LIMIT_PROPERTY = "jmpi.staging.pool";
    static final long DEFAULT_LIMIT_MIB = 256;
    /** The smallest pooled size: glibc's default mmap threshold (smaller buffers come from its heap). */
    static final int MIN_SHIFT = 17;
    /** The largest pooled size, 64 MiB; larger buffers are allocated and freed as asked. */
    static final int MAX_SHIFT = 26;

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

    /** Keeps {@code buffer} of class {@code c} if the pool has room; false if the caller must free it. */
    static boolean give(int c, MemorySegment buffer) {
        long bytes = classBytes(c);
        synchronized (LOCK) {
            if (kept + bytes > LIMIT) {
                return false;
            }
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
            kept += bytes;
            return true;
        }
    }
}
