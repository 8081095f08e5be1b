package org.jmpi.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jmpi.bench.dsm.CompareSwapLatency;
import org.jmpi.bench.dsm.FetchAddLatency;
import org.jmpi.bench.dsm.GetBandwidth;
import org.jmpi.bench.dsm.GetLatency;
import org.jmpi.bench.dsm.PutBandwidth;
import org.jmpi.bench.dsm.PutLatency;
import org.jmpi.test.BoundedProcess;
import org.jmpi.test.CPrograms;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.Programs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every ucx-dsm benchmark (org.jmpi.bench.dsm) and its C twin (dsm_*.c, built with
 * the MPI's own {@code mpicc} and linked with UCX) on 2 ranks under each MPI of
 * {@link MpiLauncher#selected()} (ucx-dsm bootstraps over jmpi on either, the C twins over
 * MPI_Allgather) with tiny sizes and iteration counts, and checks what rank 0 prints: one
 * {@code # jmpi bench=... impl=... buffer=...} header naming the benchmark, a data row per
 * size of the range, in order, each with a positive value. The programs verify the data
 * they move and abort on corruption, so a zero exit status also means the data arrived.
 * Rank counts other than two and bad options are refused with exit status 2 and a message.
 */
class DsmProgramsTest {
    private static final int TIMEOUT_SECONDS = 240;
    private static final Pattern HEADER = Pattern.compile("# jmpi bench=(\\S+) impl=(java|c) buffer=(\\S+)");
    private static final Pattern ROW = Pattern.compile("(\\d+)\\s+(\\S+)");
    private static final List<String> LATENCY = List.of("-m", "1:64", "-i", "20", "-x", "5");
    private static final List<String> BANDWIDTH = List.of("-m", "64:1024", "-i", "5", "-x", "1", "-w", "4");
    private static final List<String> ATOMIC = List.of("-i", "50", "-x", "5");

    /** One benchmark: its Java class, C twin, bench name, tiny options, expected sizes and buffer kinds. */
    private record Program(Class<?> javaClass, String cProgram, String bench, List<String> args, long min, long max,
                           List<String> buffers) {
        @Override
        public String toString() {
            return bench;
        }
    }

    private static final List<Program> PROGRAMS = List.of(
            new Program(PutLatency.class, "dsm_put_latency", "dsm_put_lat", LATENCY, 1, 64, List.of("segment", "array")),
            new Program(GetLatency.class, "dsm_get_latency", "dsm_get_lat", LATENCY, 1, 64, List.of("segment", "array")),
            new Program(PutBandwidth.class, "dsm_put_bw", "dsm_put_bw", BANDWIDTH, 64, 1024,
                    List.of("segment", "array")),
            new Program(GetBandwidth.class, "dsm_get_bw", "dsm_get_bw", BANDWIDTH, 64, 1024,
                    List.of("segment", "array")),
            new Program(FetchAddLatency.class, "dsm_fadd_latency", "dsm_fadd_lat", ATOMIC, 8, 8, List.of("segment")),
            new Program(CompareSwapLatency.class, "dsm_cas_latency", "dsm_cas_lat", ATOMIC, 8, 8,
                    List.of("segment")));

    static Stream<Arguments> javaRuns() {
        return Jobs.underEachMpi(PROGRAMS.stream()
                .flatMap(p -> p.buffers.stream().map(b -> Arguments.of(p, b))).toList());
    }

    static Stream<Arguments> programs() {
        return Jobs.underEachMpi(PROGRAMS.stream().map(Arguments::of).toList());
    }

    static Stream<MpiLauncher> mpis() {
        return Jobs.mpis();
    }

    @ParameterizedTest(name = "{0} -b {1} on {2}")
    @MethodSource("javaRuns")
    void javaProgramPrintsARowPerSize(Program p, String buffer, MpiLauncher mpi) throws Exception {
        List<String> args = new ArrayList<>(p.args);
        args.addAll(List.of("-b", buffer));
        checkReport(Programs.mpirun(mpi, 2, javaCommand(mpi, p.javaClass, args), TIMEOUT_SECONDS), p, "java", buffer);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programs")
    void cTwinPrintsARowPerSize(Program p, MpiLauncher mpi) throws Exception {
        checkReport(Programs.mpirun(mpi, 2, cCommand(mpi, p.cProgram, p.args), TIMEOUT_SECONDS), p, "c", "native");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void oneRankIsRefusedByJavaAndC(MpiLauncher mpi) throws Exception {
        BoundedProcess.Result java =
                Programs.launch(mpi, 1, javaCommand(mpi, PutLatency.class, LATENCY), TIMEOUT_SECONDS);
        assertEquals(2, java.exitCode(), java::describe);
        assertTrue(java.stderr().contains("needs exactly 2 ranks, not 1"), java::describe);
        BoundedProcess.Result c =
                Programs.launch(mpi, 1, cCommand(mpi, "dsm_put_latency", LATENCY), TIMEOUT_SECONDS);
        assertEquals(2, c.exitCode(), c::describe);
        assertTrue(c.stderr().contains("needs exactly 2 ranks, not 1"), c::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void atomicsRefuseArrayBuffersAndBadOptionsAreNamed(MpiLauncher mpi) throws Exception {
        BoundedProcess.Result array = Programs.launch(mpi, 2,
                javaCommand(mpi, FetchAddLatency.class, List.of("-b", "array")), TIMEOUT_SECONDS);
        assertNotEquals(0, array.exitCode(), array::describe);
        assertTrue(array.stderr().contains("-b: this benchmark has no buffer"), array::describe);
        BoundedProcess.Result unknown =
                Programs.launch(mpi, 2, cCommand(mpi, "dsm_get_bw", List.of("-q", "1")), TIMEOUT_SECONDS);
        assertNotEquals(0, unknown.exitCode(), unknown::describe);
        assertTrue(unknown.stderr().contains("unknown option -q"), unknown::describe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void decimalsVariableWidensTheValuesOfJavaAndC(MpiLauncher mpi) throws Exception {
        List<String> options = List.of("-m", "8:8", "-i", "20", "-x", "5");
        for (List<String> command : List.of(javaCommand(mpi, GetLatency.class, options),
                cCommand(mpi, "dsm_get_latency", options))) {
            BoundedProcess.Result r =
                    Programs.launch(mpi, 2, command, Map.of(OsuReport.DECIMALS_VARIABLE, "4"), TIMEOUT_SECONDS);
            assertEquals(0, r.exitCode(), r::describe);
            assertTrue(r.stdout().lines().anyMatch(l -> l.matches("8\\s+\\d+\\.\\d{4}")), r::describe);
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

    private static List<String> javaCommand(MpiLauncher mpi, Class<?> program, List<String> args) {
        return Programs.java(mpi, program, args);
    }

    /** The C twin {@code program} built by {@code mpi}'s mpicc, with {@code args}. */
    private static List<String> cCommand(MpiLauncher mpi, String program, List<String> args)
            throws IOException, InterruptedException {
        return CPrograms.command(mpi, "benchmarks", program, args);
    }
}
