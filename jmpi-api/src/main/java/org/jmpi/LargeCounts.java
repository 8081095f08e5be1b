package org.jmpi;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts beyond MPI's {@code int}: {@code n} elements of a type become one element of a
 * derived type, {@code q} blocks of {@code B} elements plus {@code r} more
 * ({@code n = q*B + r}, {@code B} = 2^30), as BigMPI and mpi4py do. The type signature is
 * still {@code n} elements, so either side may use it or not. Used for counts above
 * {@link #limit()}: {@code Integer.MAX_VALUE}, unless the system property
 * {@code jmpi.largeCountLimit} or a test sets it lower (the block is then the limit itself,
 * so small messages take the same path).
 */
final class LargeCounts {
    private static final long BLOCK = 1L << 30;
    private static volatile long limit = clamp(Long.getLong("jmpi.largeCountLimit", Integer.MAX_VALUE));
    /** How many large-count types were built; tests read it to see the path was taken. */
    static final AtomicLong BUILT = new AtomicLong();

    private LargeCounts() {
    }

    /** The largest count passed to MPI as is. */
    static long limit() {
        return limit;
    }

    /** Sets the limit (1 to {@code Integer.MAX_VALUE}); returns the old one. For tests. */
    static long limit(long newLimit) {
        long old = limit;
        limit = clamp(newLimit);
        return old;
    }

    private static long clamp(long value) {
        return Math.max(1, Math.min(Integer.MAX_VALUE, value));
    }

    /** A committed type holding {@code count} elements of {@code base} as one element; close it after the call. */
    static Datatype type(long count, Datatype base) {
        long b = Math.min(limit, BLOCK);
        long q = count / b;
        long r = count % b;
        if (q > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("count: " + count + " elements are more than MPI can describe");
        }
        BUILT.incrementAndGet();
        try (Datatype block = Datatype.contiguous((int) b, base)) {
            Datatype blocks = Datatype.contiguous((int) q, block);
            if (r == 0) {
                return blocks;
            }
            try (blocks) {
                return Datatype.struct(new int[] {1, (int) r}, new long[] {0, Math.multiplyExact(q * b, base.extent())},
                        new Datatype[] {blocks, base});
            }
        }
    }

    /**
     * A committed type for bytes {@code [offset, offset + length)} of a buffer, as one
     * element ({@code length > 0}); close it after the call.
     */
    static Datatype bytesAt(long offset, long length) {
        if (length <= limit) {
            return Datatype.struct(new int[] {(int) length}, new long[] {offset}, new Datatype[] {Datatype.BYTE});
        }
        try (Datatype core = type(length, Datatype.BYTE)) {
            return Datatype.struct(new int[] {1}, new long[] {offset}, new Datatype[] {core});
        }
    }
}
