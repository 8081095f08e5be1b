package org.jmpi.bench;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * The data the OSU-style programs send, written before the timed loop and checked after
 * it in an untimed validation exchange. {@code osu_common.h} computes the same bytes and
 * floats, so the Java programs and the C twins move identical data.
 *
 * <p>A message is identified by a seed (the sender's rank and the size, see the
 * programs); {@link #spoil} writes the complement of what must arrive, so a byte that
 * the exchange did not write is always counted as wrong. Java arrays are passed as
 * {@code MemorySegment.ofArray(array)}.
 */
public final class OsuData {
    private OsuData() {
    }

    /** Byte {@code i} of the message identified by {@code seed}. */
    public static byte pattern(long seed, long i) {
        return (byte) (i * 7 + (i >>> 8) * 3 + seed * 13 + 1);
    }

    /** The seed of the message {@code rank} sends at {@code size} bytes. */
    public static long seed(int rank, long size) {
        return size + 1009L * rank;
    }

    /** The seed of the alltoall block {@code from} sends to {@code to} at {@code size} bytes. */
    public static long blockSeed(int from, int to, long size) {
        return size + 1009L * from + 31L * to;
    }

    /** Writes the first {@code bytes} of message {@code seed} into {@code seg}. */
    public static void fill(MemorySegment seg, long bytes, long seed) {
        for (long i = 0; i < bytes; i++) {
            seg.set(JAVA_BYTE, i, pattern(seed, i));
        }
    }

    /** Writes the complement of message {@code seed}: every byte differs from what must arrive. */
    public static void spoil(MemorySegment seg, long bytes, long seed) {
        for (long i = 0; i < bytes; i++) {
            seg.set(JAVA_BYTE, i, (byte) ~pattern(seed, i));
        }
    }

    /** How many of the first {@code bytes} of {@code seg} differ from message {@code seed}. */
    public static long mismatches(MemorySegment seg, long bytes, long seed) {
        long wrong = 0;
        for (long i = 0; i < bytes; i++) {
            if (seg.get(JAVA_BYTE, i) != pattern(seed, i)) {
                wrong++;
            }
        }
        return wrong;
    }

    /** Element {@code i} of the floats {@code rank} contributes to a sum: small integers, exact in any order. */
    public static float contribution(int rank, long i) {
        return (float) ((rank + 1) * (i % 7 + 1));
    }

    /** Element {@code i} of the sum over {@code ranks} ranks' contributions. */
    public static float sum(int ranks, long i) {
        return (float) ((long) ranks * (ranks + 1) / 2 * (i % 7 + 1));
    }

    /** Writes {@code rank}'s contribution into the first {@code count} floats of {@code seg}. */
    public static void fillFloats(MemorySegment seg, long count, int rank) {
        for (long i = 0; i < count; i++) {
            seg.setAtIndex(JAVA_FLOAT, i, contribution(rank, i));
        }
    }

    /** Writes -1 into the first {@code count} floats, a value no sum takes. */
    public static void spoilFloats(MemorySegment seg, long count) {
        for (long i = 0; i < count; i++) {
            seg.setAtIndex(JAVA_FLOAT, i, -1f);
        }
    }

    /** How many of the first {@code count} floats of {@code seg} differ from the sum over {@code ranks} ranks. */
    public static long sumMismatches(MemorySegment seg, long count, int ranks) {
        long wrong = 0;
        for (long i = 0; i < count; i++) {
            if (seg.getAtIndex(JAVA_FLOAT, i) != sum(ranks, i)) {
                wrong++;
            }
        }
        return wrong;
    }
}
