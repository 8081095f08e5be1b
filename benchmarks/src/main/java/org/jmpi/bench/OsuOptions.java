package org.jmpi.bench;

import java.util.List;
import java.util.Locale;

/**
 * The command-line options every OSU-style program takes, parsed the same way as the C
 * twins' {@code osu_common.h} does so one runner can drive both:
 * <pre>
 *   -m MIN:MAX   message sizes in bytes, powers of two from MIN to MAX (default 1:4194304)
 *   -i N[:L]     timed iterations per size, at least 1: N up to 8 KiB, L above (default:
 *                OSU's, fewer above 8 KiB; a lone N counts for every size)
 *   -x N[:L]     warm-up iterations per size, at least 0, split the same way (default: OSU's)
 *   -w N         window size for bandwidth tests, at least 1 (default 64)
 *   -b KIND      buffer kind: segment (native MemorySegment) or array (Java array); the
 *                programs on the {@code mpi} package take direct (a direct ByteBuffer) or array
 * </pre>
 *
 * @param minSize     smallest message size in bytes (at least the benchmark's minimum)
 * @param maxSize     largest message size in bytes
 * @param iterations  timed iterations, or -1 for the benchmark's default
 * @param warmup      warm-up iterations, or -1 for the benchmark's default
 * @param window      messages in flight per bandwidth round
 * @param buffer      the kind of buffer the Java side communicates from
 * @param largeIterations timed iterations above {@link #LARGE_MESSAGE} ({@code -i N:L}), or -1 for {@code iterations}
 * @param largeWarmup     warm-up iterations above {@link #LARGE_MESSAGE} ({@code -x N:L}), or -1 for {@code warmup}
 */
public record OsuOptions(long minSize, long maxSize, int iterations, int warmup, int window, BufferKind buffer,
                         int largeIterations, int largeWarmup) {

    /** OSU's switch from small to large message defaults, in bytes. */
    public static final long LARGE_MESSAGE = 8192;

    /** What the Java side sends from and receives into. */
    public enum BufferKind {
        /** Native memory, the zero-copy path. */
        SEGMENT,
        /** A Java array (jmpi's per-thread staging for blocking calls, the program's staging for nonblocking ones). */
        ARRAY,
        /** A direct NIO buffer in native byte order: the zero-copy path of the {@code mpi} package. */
        DIRECT;

        /** The name used on the command line and in results: {@code segment}, {@code array} or {@code direct}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Parses the options of a program on jmpi-api ({@code -b segment}, the default, or
     * {@code -b array}); an unknown or malformed option is an IllegalArgumentException
     * naming it.
     *
     * @param args    the program's arguments
     * @param minimum the smallest size the benchmark supports (e.g. 8 for atomics)
     */
    public static OsuOptions parse(String[] args, long minimum) {
        return parse(args, minimum, List.of(BufferKind.SEGMENT, BufferKind.ARRAY));
    }

    /**
     * Parses the options with {@code -b} taking one of {@code kinds}, the first the default;
     * an unknown or malformed option is an IllegalArgumentException naming it.
     *
     * @param args    the program's arguments
     * @param minimum the smallest size the benchmark supports (e.g. 8 for atomics)
     * @param kinds   the buffer kinds the program supports, the default first
     */
    public static OsuOptions parse(String[] args, long minimum, List<BufferKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds must name at least one buffer kind");
        }
        List<String> labels = kinds.stream().map(BufferKind::label).toList();
        long min = Math.max(1, minimum);
        long max = 4L << 20;
        int[] iterations = {-1, -1};
        int[] warmup = {-1, -1};
        int window = 64;
        BufferKind buffer = kinds.getFirst();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "-m" -> {
                    int colon = v.indexOf(':');
                    if (colon < 0) {
                        max = size("-m", v);
                    } else {
                        if (colon > 0) {
                            min = Math.max(min, size("-m", v.substring(0, colon)));
                        }
                        max = size("-m", v.substring(colon + 1));
                    }
                }
                case "-i" -> iterations = counts("-i", v, 1);
                case "-x" -> warmup = counts("-x", v, 0);
                case "-w" -> window = count("-w", v, 1);
                case "-b" -> {
                    int k = labels.indexOf(v);
                    if (k < 0) {
                        throw new IllegalArgumentException("-b must be " + String.join(" or ", labels) + ", not " + v);
                    }
                    buffer = kinds.get(k);
                }
                default -> throw new IllegalArgumentException("unknown option " + a
                        + " (expected -m MIN:MAX, -i N[:L], -x N[:L], -w N, -b " + String.join("|", labels) + ")");
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("-m: minimum " + min + " is above maximum " + max);
        }
        return new OsuOptions(min, max, iterations[0], warmup[0], window, buffer, iterations[1], warmup[1]);
    }

    /** Timed iterations for a message of {@code size} bytes: the option, or the default. */
    public int iterationsFor(long size, int small, int large) {
        return pick(size, iterations, largeIterations, small, large);
    }

    /** Warm-up iterations for a message of {@code size} bytes: the option, or the default. */
    public int warmupFor(long size, int small, int large) {
        return pick(size, warmup, largeWarmup, small, large);
    }

    private static int pick(long size, int option, int largeOption, int small, int large) {
        if (option < 0) {
            return size > LARGE_MESSAGE ? large : small;
        }
        return size > LARGE_MESSAGE && largeOption >= 0 ? largeOption : option;
    }

    /** {@code N} or {@code N:L} as {N, L}, L -1 when absent; each at least {@code least}. */
    private static int[] counts(String option, String v, int least) {
        int colon = v.indexOf(':');
        if (colon < 0) {
            return new int[] {count(option, v, least), -1};
        }
        return new int[] {count(option, v.substring(0, colon), least), count(option, v.substring(colon + 1), least)};
    }

    private static long size(String option, String v) {
        try {
            long s = Long.parseLong(v.trim());
            if (s < 1 || s > (1L << 30)) {
                throw new IllegalArgumentException(option + ": size " + s + " is outside 1.." + (1L << 30));
            }
            return s;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a size: " + v, e);
        }
    }

    private static int count(String option, String v, int least) {
        try {
            int n = Integer.parseInt(v.trim());
            if (n < least) {
                throw new IllegalArgumentException(option + " must be at least " + least + ": " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + v, e);
        }
    }
}
