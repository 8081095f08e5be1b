package org.jmpi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every ucx-dsm benchmark (org.jmpi.bench.dsm) and its C twin (dsm_*.c) under
 * {@code mpirun -np 2} with tiny sizes and iteration counts, and checks what rank 0
 * prints: one {@code # jmpi bench=... impl=... buffer=...} header naming the benchmark, a
 * data row per size of the range, in order, each with a positive value. The programs
 * verify the data they move and abort on corruption, so a zero exit status also means
 * the data arrived. Rank counts other than two and bad options are refused with exit
 * status 2 and a message.
 */
class DsmProgramsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path C_BIN = ROOT.resolve("benchmarks/target/c-bin");
    private static final long TIMEOUT_SECONDS = 240;
    private static final Pattern HEADER = Pattern.compile("# jmpi bench=(\\S+) impl=(java|c) buffer=(\\S+)");
    private static final Pattern ROW = Pattern.compile("(\\d+)\\s+(\\S+)");
    private static final String[] LATENCY = {"-m", "1:64", "-i", "20", "-x", "5"};
    private static final String[] BANDWIDTH = {"-m", "64:1024", "-i", "5", "-x", "1", "-w", "4"};
    private static final String[] ATOMIC = {"-i", "50", "-x", "5"};

    /** One benchmark: its Java class, C twin, bench name, tiny options, expected sizes and buffer kinds. */
    private record Program(String javaClass, String cProgram, String bench, String[] args, long min, long max,
                           List<String> buffers) {
        @Override
        public String toString() {
            return bench;
        }
    }

    private static final List<Program> PROGRAMS = List.of(
            new Program("PutLatency", "dsm_put_latency", "dsm_put_lat", LATENCY, 1, 64, List.of("segment", "array")),
            new Program("GetLatency", "dsm_get_latency", "dsm_get_lat", LATENCY, 1, 64, List.of("segment", "array")),
            new Program("PutBandwidth", "dsm_put_bw", "dsm_put_bw", BANDWIDTH, 64, 1024, List.of("segment", "array")),
            new Program("GetBandwidth", "dsm_get_bw", "dsm_get_bw", BANDWIDTH, 64, 1024, List.of("segment", "array")),
            new Program("FetchAddLatency", "dsm_fadd_latency", "dsm_fadd_lat", ATOMIC, 8, 8, List.of("segment")),
            new Program("CompareSwapLatency", "dsm_cas_latency", "dsm_cas_lat", ATOMIC, 8, 8, List.of("segment")));

    @BeforeAll
    static void buildCTwins() throws Exception {
        Run build = run(List.of(ROOT.resolve("native-scripts/build-c").toString()));
        assertEquals(0, build.exit, () -> "native-scripts/build-c failed:\n" + build.output);
    }

    static Stream<Arguments> javaRuns() {
        return PROGRAMS.stream().flatMap(p -> p.buffers.stream().map(b -> Arguments.of(p, b)));
    }

    static Stream<Program> programs() {
        return PROGRAMS.stream();
    }

    @ParameterizedTest(name = "{0} -b {1}")
    @MethodSource("javaRuns")
    void javaProgramPrintsARowPerSize(Program p, String buffer) throws Exception {
        List<String> args = new ArrayList<>(List.of(p.args));
        args.addAll(List.of("-b", buffer));
        Run r = run(javaCommand(2, p.javaClass, args));
        assertEquals(0, r.exit, () -> p.javaClass + " failed:\n" + r.output);
        checkReport(r.output, p, "java", buffer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void cTwinPrintsARowPerSize(Program p) throws Exception {
        Run r = run(cCommand(2, p.cProgram, List.of(p.args)));
        assertEquals(0, r.exit, () -> p.cProgram + " failed:\n" + r.output);
        checkReport(r.output, p, "c", "native");
    }

    @Test
    void oneRankIsRefusedByJavaAndC() throws Exception {
        Run java = run(javaCommand(1, "PutLatency", List.of(LATENCY)));
        assertEquals(2, java.exit, java.output);
        assertTrue(java.output.contains("needs exactly 2 ranks, not 1"), java.output);
        Run c = run(cCommand(1, "dsm_put_latency", List.of(LATENCY)));
        assertEquals(2, c.exit, c.output);
        assertTrue(c.output.contains("needs exactly 2 ranks, not 1"), c.output);
    }

    @Test
    void atomicsRefuseArrayBuffersAndBadOptionsAreNamed() throws Exception {
        Run array = run(javaCommand(2, "FetchAddLatency", List.of("-b", "array")));
        assertNotEquals(0, array.exit, array.output);
        assertTrue(array.output.contains("-b: this benchmark has no buffer"), array.output);
        Run unknown = run(cCommand(2, "dsm_get_bw", List.of("-q", "1")));
        assertNotEquals(0, unknown.exit, unknown.output);
        assertTrue(unknown.output.contains("unknown option -q"), unknown.output);
    }

    @Test
    void decimalsVariableWidensTheValuesOfJavaAndC() throws Exception {
        for (List<String> command : List.of(javaCommand(2, "GetLatency", List.of("-m", "8:8", "-i", "20", "-x", "5")),
                cCommand(2, "dsm_get_latency", List.of("-m", "8:8", "-i", "20", "-x", "5")))) {
            Run r = run(command, OsuReport.DECIMALS_VARIABLE, "4");
            assertEquals(0, r.exit, r.output);
            assertTrue(r.output.lines().anyMatch(l -> l.matches("8\\s+\\d+\\.\\d{4}")), r.output);
        }
    }

    /** Checks one header and a positive value for each power of two from min to max, in order. */
    private static void checkReport(String output, Program p, String impl, String buffer) {
        List<String> headers = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith("#")) {
                if (line.startsWith("# jmpi ")) {
                    headers.add(line);
                }
                continue;
            }
            Matcher m = ROW.matcher(line.strip());
            if (m.matches()) {
                sizes.add(Long.parseLong(m.group(1)));
                values.add(Double.parseDouble(m.group(2)));
            } else if (!line.isBlank()) {
                fail("unexpected line " + line + " in:\n" + output);
            }
        }
        assertEquals(1, headers.size(), () -> "one header line (rank 0 only) expected in:\n" + output);
        Matcher h = HEADER.matcher(headers.getFirst());
        assertTrue(h.matches(), headers.getFirst());
        assertEquals(p.bench, h.group(1));
        assertEquals(impl, h.group(2));
        assertEquals(buffer, h.group(3));
        List<Long> expected = new ArrayList<>();
        for (long s = p.min; s <= p.max; s *= 2) {
            expected.add(s);
        }
        assertEquals(expected, sizes, () -> "sizes in:\n" + output);
        for (double v : values) {
            assertTrue(v > 0 && Double.isFinite(v), () -> "non-positive value in:\n" + output);
        }
    }

    private static List<String> javaCommand(int np, String program, List<String> args) {
        List<String> command = mpirun(np);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.jmpi.bench.dsm." + program);
        command.addAll(args);
        return command;
    }

    private static List<String> cCommand(int np, String program, List<String> args) {
        List<String> command = mpirun(np);
        command.add(C_BIN.resolve(program).toString());
        command.addAll(args);
        return command;
    }

    private static List<String> mpirun(int np) {
        List<String> command = new ArrayList<>(List.of("mpirun"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--allow-run-as-root");
        }
        command.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(np)));
        return command;
    }

    private record Run(int exit, String output) {
    }

    /** Runs {@code command} with stderr merged into stdout; a run past the timeout is killed and fails. */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        return run(command, null, null);
    }

    /** As {@link #run(List)}, with the environment variable {@code name} set (exported to the ranks) unless null. */
    private static Run run(List<String> command, String name, String value) throws IOException, InterruptedException {
        Path log = Files.createTempFile("jmpi-dsm-bench-", ".log");
        try {
            List<String> full = new ArrayList<>(command);
            if (name != null) {
                full.addAll(1, List.of("-x", name));
            }
            ProcessBuilder builder = new ProcessBuilder(full);
            if (name != null) {
                builder.environment().put(name, value);
            }
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                fail("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command) + "\n"
                        + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
