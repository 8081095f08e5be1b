package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The storage of a global array of 8-byte elements: where element i lives (owner and
 * byte offset) and bulk transfers split per owner. Not public API.
 */
final class GlobalLayout {
    final long length;
    final Distribution dist;
    final int ranks;
    final long perRank;
    final Window window;

    GlobalLayout(DsmContext ctx, long length, Distribution dist) {
        Objects.requireNonNull(ctx, "ctx");
        Objects.requireNonNull(dist, "dist");
        if (length < 0) {
            throw new IllegalArgumentException("length: negative " + length);
        }
        this.length = length;
        this.dist = dist;
        this.ranks = ctx.size();
        this.perRank = Math.max(1, (length + ranks - 1) / ranks);
        this.window = ctx.allocate(8 * perRank);
    }

    int owner(long i) {
        check(i);
        return (int) (dist == Distribution.BLOCK ? i / perRank : i % ranks);
    }

    long offset(long i) {
        return 8 * (dist == Distribution.BLOCK ? i % perRank : i / ranks);
    }

    /** How many elements {@code rank} holds. */
    long localLength(int rank) {
        if (dist == Distribution.BLOCK) {
            return Math.max(0, Math.min(perRank, length - rank * perRank));
        }
        return rank < length ? (length - rank + ranks - 1) / ranks : 0;
    }

    void check(long i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException("index " + i + " out of range [0, " + length + ")");
        }
    }

    /** Copies elements [from, from+count) to ({@code put}) or from the heap segment {@code data} of 8-byte elements. */
    void transfer(long from, MemorySegment data, long count, boolean put) {
        if (from < 0 || count < 0 || from > length - count) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + from + " + " + count + ") outside [0, "
                    + length + ")");
        }
        if (count == 0) {
            return;
        }
        if (dist == Distribution.BLOCK) {
            long i = from;
            while (i < from + count) {
                int r = owner(i);
                long chunk = Math.min(from + count - i, perRank - i % perRank);
                MemorySegment part = data.asSlice(8 * (i - from), 8 * chunk);
                if (put) {
                    window.put(part, r, offset(i));
                } else {
                    window.get(part, r, offset(i));
                }
                i += chunk;
            }
        } else {
            for (int r = 0; r < ranks; r++) {
                long first = from + Math.floorMod(r - from, (long) ranks);
                if (first >= from + count) {
                    continue;
                }
                long n = (from + count - 1 - first) / ranks + 1;
                long[] tmp = new long[(int) n];
                if (put) {
                    for (int j = 0; j < n; j++) {
                        tmp[j] = data.getAtIndex(JAVA_LONG_HEAP, first - from + (long) j * ranks);
                    }
                    window.put(tmp, r, offset(first));
                } else {
                    window.get(tmp, r, offset(first));
                    for (int j = 0; j < n; j++) {
                        data.setAtIndex(JAVA_LONG_HEAP, first - from + (long) j * ranks, tmp[j]);
                    }
                }
            }
        }
        if (put) {
            window.flushAll();
        }
    }

    private static final java.lang.foreign.ValueLayout.OfLong JAVA_LONG_HEAP = JAVA_LONG.withByteAlignment(1);
}
