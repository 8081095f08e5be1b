package org.jmpi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every OSU-style Java program (with each buffer kind it takes) and every C twin
 * (built by {@code native-scripts/build-c}) under {@code mpirun} at np=2 with tiny sizes
 * and iteration counts, and checks the output protocol the benchmark runner reads: one
 * {@code # jmpi bench=... impl=... buffer=...} header and one positive {@code size value}
 * row per size. Each program validates the data it received (exit status 1 otherwise), so
 * a zero exit status also says the data arrived intact. One job with a C rank and a Java
 * rank per benchmark checks that the twins send the same messages in the same order and
 * compute the same bytes. No timing is asserted.
 */
class OsuProgramsTest {
    private static final long TIMEOUT_SECONDS = 180;
    private static final Pattern HEADER = Pattern.compile("# jmpi bench=(\\S+) impl=(\\S+) buffer=(\\S+)");
    private static final Pattern ALLOCATED = Pattern.compile(
            "(?m)^# java heap bytes allocated in timed loops \\(most of any rank\\): \\d+ in all, \\d+ in the last$");
    private static final Pattern ROW = Pattern.compile("(\\d+)\\s+(\\S+)");

    /** A benchmark: its name in results, Java main class, C program, tiny arguments, the sizes they print, buffer kinds. */
    private record Program(String bench, String javaClass, String c, List<String> args, List<Long> sizes,
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
            new Program("latency", "Latency", "osu_latency", TINY, ONE_TO_64, BOTH),
            new Program("bw", "Bandwidth", "osu_bw", TINY_WINDOWS, FOUR_TO_64_KIB, BOTH),
            new Program("bibw", "BiBandwidth", "osu_bibw", TINY_WINDOWS, FOUR_TO_64_KIB, BOTH),
            new Program("allreduce", "Allreduce", "osu_allreduce", TINY, List.of(4L, 8L, 16L, 32L, 64L), BOTH),
            new Program("bcast", "Bcast", "osu_bcast", TINY, ONE_TO_64, BOTH),
            new Program("alltoall", "Alltoall", "osu_alltoall", TINY, ONE_TO_64, BOTH),
            new Program("barrier", "Barrier", "osu_barrier", TINY, List.of(0L), List.of("segment")));

    private static Path cBin;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildCTwins() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("native-scripts/build-c"))) {
            root = root.getParent();
            assertTrue(root != null, "no native-scripts/build-c above " + Path.of("").toAbsolutePath());
        }
        Path log = Files.createTempFile("jmpi-build-c-", ".log");
        try {
            Process build = new ProcessBuilder("bash", root.resolve("native-scripts/build-c").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = build.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                build.destroyForcibly();
            }
            assertTrue(done && build.exitValue() == 0, "native-scripts/build-c failed:\n" + Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
        cBin = root.resolve("benchmarks/target/c-bin");
        for (Program p : PROGRAMS) {
            assertTrue(Files.isExecutable(cBin.resolve(p.c())), p.c() + " was not built");
        }
    }

    static Stream<Arguments> javaRuns() {
        return PROGRAMS.stream().flatMap(p -> p.kinds().stream().map(k -> Arguments.of(p, k)));
    }

    static Stream<Program> programs() {
        return PROGRAMS.stream();
    }

    @ParameterizedTest(name = "{0} -b {1}")
    @MethodSource("javaRuns")
    void javaProgramPrintsARowPerSize(Program p, String kind) throws Exception {
        List<String> command = new ArrayList<>(List.of("-np", "2"));
        command.addAll(java(p, kind));
        Run run = mpirun(command);
        assertEquals(0, run.status(), run::describe);
        checkOutput(run, p, "java", kind);
        assertTrue(ALLOCATED.matcher(run.out()).find(), run::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void cTwinPrintsARowPerSize(Program p) throws Exception {
        Run run = mpirun(c(p, 2));
        assertEquals(0, run.status(), run::describe);
        checkOutput(run, p, "c", "native");
    }

    /**
     * Rank 0 in C and rank 1 in Java, then the other way round: the job completes only
     * if both sides post matching calls, and passes validation only if both compute the
     * same bytes (and floats) for every message.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void javaAndCRanksRunOneJob(Program p) throws Exception {
        String javaKind = p.kinds().getLast();
        List<String> cFirst = new ArrayList<>(c(p, 1));
        cFirst.add(":");
        cFirst.addAll(List.of("-np", "1"));
        cFirst.addAll(java(p, javaKind));
        Run run = mpirun(cFirst);
        assertEquals(0, run.status(), run::describe);
        checkOutput(run, p, "c", "native");

        List<String> javaFirst = new ArrayList<>(List.of("-np", "1"));
        javaFirst.addAll(java(p, "segment"));
        javaFirst.add(":");
        javaFirst.addAll(c(p, 1));
        run = mpirun(javaFirst);
        assertEquals(0, run.status(), run::describe);
        checkOutput(run, p, "java", "segment");
    }

    @Test
    void badOptionsFailNamingTheOption() throws Exception {
        Program latency = PROGRAMS.getFirst();
        List<String> java = new ArrayList<>(List.of("-np", "2"));
        java.addAll(java(latency, "segment"));
        java.addAll(List.of("-i", "0"));
        Run run = mpirun(java);
        assertNotEquals(0, run.status(), run::describe);
        assertTrue(run.err().contains("-i must be at least 1"), run::describe);

        List<String> c = new ArrayList<>(c(latency, 2));
        c.addAll(List.of("-i", "0"));
        run = mpirun(c);
        assertNotEquals(0, run.status(), run::describe);
        assertTrue(run.err().contains("-i must be a number of at least 1"), run::describe);
    }

    @Test
    void pointToPointProgramsNeedExactlyTwoRanks() throws Exception {
        Program bw = PROGRAMS.get(1);
        List<String> java = new ArrayList<>(List.of("-np", "1"));
        java.addAll(java(bw, "segment"));
        Run run = mpirun(java);
        assertEquals(1, run.status(), run::describe);
        assertTrue(run.err().contains("bw: this test needs exactly 2 processes, not 1"), run::describe);
        run = mpirun(c(bw, 1));
        assertEquals(1, run.status(), run::describe);
        assertTrue(run.err().contains("bw: this test needs exactly 2 processes, not 1"), run::describe);
    }

    @Test
    void barrierRefusesArrays() throws Exception {
        List<String> java = new ArrayList<>(List.of("-np", "2"));
        java.addAll(java(PROGRAMS.getLast(), "array"));
        Run run = mpirun(java);
        assertNotEquals(0, run.status(), run::describe);
        assertTrue(run.err().contains("only -b segment applies"), run::describe);
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

    /** Checks the header, and one positive row per expected size, in order. */
    private static void checkOutput(Run run, Program p, String impl, String kind) {
        List<String> headers = run.out().lines().filter(l -> l.startsWith("# jmpi ")).toList();
        assertEquals(1, headers.size(), run::describe);
        Matcher h = HEADER.matcher(headers.getFirst());
        assertTrue(h.matches(), run::describe);
        assertEquals(List.of(p.bench(), impl, kind), List.of(h.group(1), h.group(2), h.group(3)), run::describe);
        List<Long> sizes = new ArrayList<>();
        for (String line : run.out().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList()) {
            Matcher m = ROW.matcher(line.strip());
            assertTrue(m.matches(), () -> "not a data line: '" + line + "'\n" + run.describe());
            double value = Double.parseDouble(m.group(2));
            assertTrue(value > 0 && Double.isFinite(value), () -> "value not positive: '" + line + "'\n" + run.describe());
            sizes.add(Long.parseLong(m.group(1)));
        }
        assertEquals(p.sizes(), sizes, run::describe);
    }

    private static List<String> java(Program p, String kind) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "org.jmpi.bench.osu." + p.javaClass()));
        command.addAll(p.args());
        command.addAll(List.of("-b", kind));
        return command;
    }

    private static List<String> c(Program p, int np) {
        List<String> command = new ArrayList<>(List.of("-np", Integer.toString(np), cBin.resolve(p.c()).toString()));
        command.addAll(p.args());
        return command;
    }

    /** A finished job: exit status, standard output and error. */
    private record Run(String command, int status, String out, String err) {
        String describe() {
            return command + "\nexit status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    /** Runs {@code mpirun} with {@code args} (the rank counts and programs) at np=2 in all. */
    private Run mpirun(List<String> args) throws IOException, InterruptedException {
        assumeTrue(npAllowed(2), "np=2 is not in jmpi.np");
        List<String> command = new ArrayList<>(List.of("mpirun"));
        if (isRoot()) {
            command.add("--allow-run-as-root");
        }
        command.addAll(List.of("--oversubscribe", "--bind-to", "none"));
        command.addAll(args);
        Path out = Files.createTempFile(tmp, "out-", ".txt");
        Path err = Files.createTempFile(tmp, "err-", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        String shown = String.join(" ", command);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("killed after " + TIMEOUT_SECONDS + " s: " + shown + "\nstdout:\n" + Files.readString(out)
                    + "\nstderr:\n" + Files.readString(err));
        }
        return new Run(shown, process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** Whether {@code -Djmpi.np} (all counts when unset) allows {@code np} ranks, as the multi-rank suites honour it. */
    private static boolean npAllowed(int np) {
        String allowed = System.getProperty("jmpi.np", "").strip();
        return allowed.isEmpty() || Arrays.stream(allowed.split(",")).map(String::strip)
                .anyMatch(s -> s.equals(Integer.toString(np)));
    }
}
