package org.jmpi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jmpi.bench.osu.Allreduce;
import org.jmpi.bench.osu.Alltoall;
import org.jmpi.bench.osu.Bandwidth;
import org.jmpi.bench.osu.Barrier;
import org.jmpi.bench.osu.Bcast;
import org.jmpi.bench.osu.BiBandwidth;
import org.jmpi.bench.osu.Latency;
import org.jmpi.test.BoundedProcess;
import org.jmpi.test.CPrograms;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every OSU-style Java program (with each buffer kind it takes) and every C twin
 * (built by {@code native-scripts/build-c} with the MPI's own {@code mpicc}) at np=2 with
 * tiny sizes and iteration counts, under each MPI of {@link MpiLauncher#selected()} (Open
 * MPI's {@code mpirun}, MPICH's {@code mpiexec}), and checks the output protocol the
 * benchmark runner reads: one {@code # jmpi bench=... impl=... buffer=...} header and one
 * positive {@code size value} row per size. Each program validates the data it received
 * (exit status 1 otherwise), so a zero exit status also says the data arrived intact. One
 * job with a C rank and a Java rank per benchmark checks that the twins send the same
 * messages in the same order and compute the same bytes. No timing is asserted.
 */
class OsuProgramsTest {
    private static final int TIMEOUT_SECONDS = 180;
    private static final Pattern HEADER = Pattern.compile("# jmpi bench=(\\S+) impl=(\\S+) buffer=(\\S+)");
    private static final Pattern ALLOCATED = Pattern.compile(
            "(?m)^# java heap bytes allocated in timed loops \\(most of any rank\\): \\d+ in all, \\d+ in the last$");
    private static final Pattern ROW = Pattern.compile("(\\d+)\\s+(\\S+)");

    /** A benchmark: its name in results, Java main class, C program, tiny arguments, the sizes they print, buffer kinds. */
    private record Program(String bench, Class<?> javaClass, String c, List<String> args, List<Long> sizes,
                           List<String> kinds) {
        @Override
        public String toString() {
            return bench;
        }
    }

    private static final List<String> TINY = List.of("-m", "1:64", "-i", "5", "-x", "1");
    private static final List<Long> ONE_TO_64 = List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L);
    /**
     * Bandwidth of a few bytes in 5 cold iterations can print as 0.00 MB/s, so the
     * bandwidth programs move 4 to 64 KiB (across OSU's 8 KiB switch) in windows of 8.
     */
    private static final List<String> TINY_WINDOWS = List.of("-m", "4096:65536", "-i", "5", "-x", "1", "-w", "8");
    private static final List<Long> FOUR_TO_64_KIB = List.of(4096L, 8192L, 16384L, 32768L, 65536L);
    private static final List<String> BOTH = List.of("segment", "array");
    private static final List<Program> PROGRAMS = List.of(
            new Program("latency", Latency.class, "osu_latency", TINY, ONE_TO_64, BOTH),
            new Program("bw", Bandwidth.class, "osu_bw", TINY_WINDOWS, FOUR_TO_64_KIB, BOTH),
            new Program("bibw", BiBandwidth.class, "osu_bibw", TINY_WINDOWS, FOUR_TO_64_KIB, BOTH),
            new Program("allreduce", Allreduce.class, "osu_allreduce", TINY, List.of(4L, 8L, 16L, 32L, 64L), BOTH),
            new Program("bcast", Bcast.class, "osu_bcast", TINY, ONE_TO_64, BOTH),
            new Program("alltoall", Alltoall.class, "osu_alltoall", TINY, ONE_TO_64, BOTH),
            new Program("barrier", Barrier.class, "osu_barrier", TINY, List.of(0L), List.of("segment")));

    static Stream<Arguments> javaRuns() {
        return Jobs.underEachMpi(PROGRAMS.stream()
                .flatMap(p -> p.kinds().stream().map(k -> Arguments.of(p, k))).toList());
    }

    static Stream<Arguments> programs() {
        return Jobs.underEachMpi(PROGRAMS.stream().map(Arguments::of).toList());
    }

    static Stream<MpiLauncher> mpis() {
        return Jobs.mpis();
    }

    @ParameterizedTest(name = "{0} -b {1} on {2}")
    @MethodSource("javaRuns")
    void javaProgramPrintsARowPerSize(Program p, String kind, MpiLauncher mpi) throws Exception {
        String out = Programs.mpirun(mpi, 2, java(mpi, p, kind), TIMEOUT_SECONDS);
        checkOutput(out, p, "java", kind);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programs")
    void cTwinPrintsARowPerSize(Program p, MpiLauncher mpi) throws Exception {
        checkOutput(Programs.mpirun(mpi, 2, c(mpi, p), TIMEOUT_SECONDS), p, "c", "native");
    }

    /**
     * Rank 0 in C and rank 1 in Java, then the other way round: the job completes only
     * if both sides post matching calls, and passes validation only if both compute the
     * same bytes (and floats) for every message.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programs")
    void javaAndCRanksRunOneJob(Program p, MpiLauncher mpi) throws Exception {
        String javaKind = p.kinds().getLast();
        List<String> cFirst = new ArrayList<>(c(mpi, p));
        cFirst.addAll(List.of(":", "-n", "1"));
        cFirst.addAll(java(mpi, p, javaKind));
        checkOutput(Programs.mpirun(mpi, 1, cFirst, TIMEOUT_SECONDS), p, "c", "native");

        List<String> javaFirst = new ArrayList<>(java(mpi, p, "segment"));
        javaFirst.addAll(List.of(":", "-n", "1"));
        javaFirst.addAll(c(mpi, p));
        checkOutput(Programs.mpirun(mpi, 1, javaFirst, TIMEOUT_SECONDS), p, "java", "segment");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void badOptionsFailNamingTheOption(MpiLauncher mpi) throws Exception {
        Program latency = PROGRAMS.getFirst();
        List<String> java = new ArrayList<>(java(mpi, latency, "segment"));
        java.addAll(List.of("-i", "0"));
        BoundedProcess.Result run = Programs.launch(mpi, 2, java, TIMEOUT_SECONDS);
        assertNotEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("-i must be at least 1"), run::describe);

        List<String> c = new ArrayList<>(c(mpi, latency));
        c.addAll(List.of("-i", "0"));
        run = Programs.launch(mpi, 2, c, TIMEOUT_SECONDS);
        assertNotEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("-i must be a number of at least 1"), run::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void pointToPointProgramsNeedExactlyTwoRanks(MpiLauncher mpi) throws Exception {
        Program bw = PROGRAMS.get(1);
        BoundedProcess.Result run = Programs.launch(mpi, 1, java(mpi, bw, "segment"), TIMEOUT_SECONDS);
        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("bw: this test needs exactly 2 processes, not 1"), run::describe);
        run = Programs.launch(mpi, 1, c(mpi, bw), TIMEOUT_SECONDS);
        assertEquals(1, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("bw: this test needs exactly 2 processes, not 1"), run::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void barrierRefusesArrays(MpiLauncher mpi) throws Exception {
        BoundedProcess.Result run = Programs.launch(mpi, 2, java(mpi, PROGRAMS.getLast(), "array"), TIMEOUT_SECONDS);
        assertNotEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("only -b segment applies"), run::describe);
    }

    @Test
    void optionsParseAsDocumented() {
        OsuOptions o = OsuOptions.parse(new String[] {"-m", "2:4096", "-i", "7", "-x", "0", "-w", "16", "-b", "array"}, 1);
        assertEquals(new OsuOptions(2, 4096, 7, 0, 16, OsuOptions.BufferKind.ARRAY, -1, -1), o);
        assertEquals(7, o.iterationsFor(1 << 20, 100, 20));
        OsuOptions defaults = OsuOptions.parse(new String[0], 4);
        assertEquals(new OsuOptions(4, 4L << 20, -1, -1, 64, OsuOptions.BufferKind.SEGMENT, -1, -1), defaults);
        assertEquals(100, defaults.iterationsFor(8192, 100, 20));
        assertEquals(20, defaults.iterationsFor(8193, 100, 20));
        assertEquals(2, defaults.warmupFor(8193, 10, 2));
        assertEquals(64, OsuOptions.parse(new String[] {"-m", "64"}, 1).maxSize());
        assertEquals(8, OsuOptions.parse(new String[] {"-m", "2:64"}, 8).minSize());
        assertThrows(IllegalArgumentException.class, () -> OsuOptions.parse(new String[] {"-m", "64:2"}, 1));
        assertThrows(IllegalArgumentException.class, () -> OsuOptions.parse(new String[] {"-w", "0"}, 1));
        assertThrows(IllegalArgumentException.class, () -> OsuOptions.parse(new String[] {"-x", "-1"}, 1));
        assertThrows(IllegalArgumentException.class, () -> OsuOptions.parse(new String[] {"-b", "heap"}, 1));
        assertThrows(IllegalArgumentException.class, () -> OsuOptions.parse(new String[] {"-q", "1"}, 1));
        assertThrows(IllegalArgumentException.class, () -> OsuOptions.parse(new String[] {"-i"}, 1));
    }

    @Test
    void dataPatternsDifferWhereTheyMust() {
        long a = OsuData.seed(0, 64);
        long b = OsuData.seed(1, 64);
        int same = 0;
        for (int i = 0; i < 64; i++) {
            if (OsuData.pattern(a, i) == OsuData.pattern(b, i)) {
                same++;
            }
        }
        assertEquals(0, same, "rank 0's and rank 1's messages must differ in every byte");
        assertNotEquals(OsuData.pattern(OsuData.seed(0, 64), 0), OsuData.pattern(OsuData.seed(0, 128), 0),
                "the same rank's messages of two sizes must differ");
        assertEquals(3f * 4, OsuData.sum(2, 3));
        assertEquals(OsuData.contribution(0, 3) + OsuData.contribution(1, 3), OsuData.sum(2, 3));
    }

    /** Checks the header, and one positive row per expected size, in order, in standard output {@code out}. */
    private static void checkOutput(String out, Program p, String impl, String kind) {
        checkOutput(out, p.bench(), p.sizes(), impl, kind);
    }

    /**
     * Checks the header of benchmark {@code bench} in variant {@code impl}, {@code kind}, and one
     * positive row per size of {@code expectedSizes}, in order, in standard output {@code out}.
     */
    static void checkOutput(String out, String bench, List<Long> expectedSizes, String impl, String kind) {
        List<String> headers = out.lines().filter(l -> l.startsWith("# jmpi ")).toList();
        assertEquals(1, headers.size(), out);
        Matcher h = HEADER.matcher(headers.getFirst());
        assertTrue(h.matches(), out);
        assertEquals(List.of(bench, impl, kind), List.of(h.group(1), h.group(2), h.group(3)), out);
        List<Long> sizes = new ArrayList<>();
        for (String line : out.lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()) {
            Matcher m = ROW.matcher(line.strip());
            assertTrue(m.matches(), () -> "not a data line: '" + line + "'\n" + out);
            double value = Double.parseDouble(m.group(2));
            assertTrue(value > 0 && Double.isFinite(value), () -> "value not positive: '" + line + "'\n" + out);
            sizes.add(Long.parseLong(m.group(1)));
        }
        assertEquals(expectedSizes, sizes, out);
        assertTrue(ALLOCATED.matcher(out).find() || impl.equals("c"), out);
    }

    private static List<String> java(MpiLauncher mpi, Program p, String kind) {
        List<String> args = new ArrayList<>(p.args());
        args.addAll(List.of("-b", kind));
        return Programs.java(mpi, p.javaClass(), args);
    }

    /** The C twin built by {@code mpi}'s mpicc, with the tiny arguments. */
    private static List<String> c(MpiLauncher mpi, Program p) throws IOException, InterruptedException {
        return CPrograms.command(mpi, "benchmarks", p.c(), p.args());
    }
}
