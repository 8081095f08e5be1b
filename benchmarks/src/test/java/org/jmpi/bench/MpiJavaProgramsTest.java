package org.jmpi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jmpi.bench.mpijava.MpiJavaAllreduce;
import org.jmpi.bench.mpijava.MpiJavaBandwidth;
import org.jmpi.bench.mpijava.MpiJavaLatency;
import org.jmpi.bench.mpijava.MpiJavaRun;
import org.jmpi.test.BoundedProcess;
import org.jmpi.test.CPrograms;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the OSU-style programs on the {@code mpi} package (jmpi's module on the test class
 * path) at np=2 with tiny sizes and iteration counts, with each buffer kind they take, under
 * each MPI of {@link MpiLauncher#selected()}, and checks what the runner reads: the
 * {@code # jmpi bench=... impl=mpi buffer=...} header and a positive row per size (see
 * {@link OsuProgramsTest}). The programs validate what they receive, so a zero exit status
 * says the data arrived intact. A job with a C rank beside a rank of the program checks that
 * both post the same calls with the same bytes. No timing is asserted.
 */
class MpiJavaProgramsTest {
    private static final int TIMEOUT_SECONDS = 180;

    /** A program on the mpi package: its benchmark, main class, C twin, tiny arguments, the sizes they print, kinds. */
    private record Program(String bench, Class<?> main, String c, List<String> args, List<Long> sizes,
                           List<String> kinds) {
        @Override
        public String toString() {
            return bench;
        }
    }

    private static final List<Program> PROGRAMS = List.of(
            new Program("latency", MpiJavaLatency.class, "osu_latency", List.of("-m", "1:64", "-i", "5", "-x", "1"),
                    List.of(1L, 2L, 4L, 8L, 16L, 32L, 64L), List.of("direct", "array")),
            // bandwidth of a few bytes in 5 cold iterations can print as 0.00 MB/s
            new Program("bw", MpiJavaBandwidth.class, "osu_bw",
                    List.of("-m", "4096:65536", "-i", "5", "-x", "1", "-w", "8"),
                    List.of(4096L, 8192L, 16384L, 32768L, 65536L), List.of("direct")),
            new Program("allreduce", MpiJavaAllreduce.class, "osu_allreduce", List.of("-m", "4:64", "-i", "5", "-x", "1"),
                    List.of(4L, 8L, 16L, 32L, 64L), List.of("direct", "array")));

    static Stream<Arguments> runs() {
        return Jobs.underEachMpi(PROGRAMS.stream()
                .flatMap(p -> p.kinds().stream().map(k -> Arguments.of(p, k))).toList());
    }

    static Stream<Arguments> programs() {
        return Jobs.underEachMpi(PROGRAMS.stream().map(Arguments::of).toList());
    }

    @ParameterizedTest(name = "{0} -b {1} on {2}")
    @MethodSource("runs")
    void printsARowPerSizeAsTheMpiVariant(Program p, String kind, MpiLauncher mpi) throws Exception {
        String out = Programs.mpirun(mpi, 2, java(mpi, p, kind), TIMEOUT_SECONDS);
        OsuProgramsTest.checkOutput(out, p.bench(), p.sizes(), "mpi", kind);
        assertTrue(out.contains("# package mpi from ") && out.contains("mpi-java"), out);
    }

    /** Rank 0 in C, rank 1 on the mpi package with its last buffer kind: the same calls and bytes. */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("programs")
    void runsInOneJobWithItsCTwin(Program p, MpiLauncher mpi) throws Exception {
        List<String> cFirst = new ArrayList<>(CPrograms.command(mpi, "benchmarks", p.c(), p.args()));
        cFirst.addAll(List.of(":", "-n", "1"));
        cFirst.addAll(java(mpi, p, p.kinds().getLast()));
        OsuProgramsTest.checkOutput(Programs.mpirun(mpi, 1, cFirst, TIMEOUT_SECONDS), p.bench(), p.sizes(), "c",
                "native");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmpi.bench.Jobs#mpis")
    void bandwidthRefusesArraysAndAnUnknownImplementation(MpiLauncher mpi) throws Exception {
        Program bw = PROGRAMS.get(1);
        BoundedProcess.Result run = Programs.launch(mpi, 2, java(mpi, bw, "array"), TIMEOUT_SECONDS);
        assertNotEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("-b must be direct, not array"), run::describe);

        Program latency = PROGRAMS.getFirst();
        List<String> args = new ArrayList<>(latency.args());
        args.addAll(List.of("-b", "direct"));
        run = Programs.launch(mpi, 2, Programs.java(mpi, List.of("-Djmpi.bench.impl=jmpi"), latency.main(), args),
                TIMEOUT_SECONDS);
        assertNotEquals(0, run.exitCode(), run::describe);
        assertTrue(run.stderr().contains("-Djmpi.bench.impl must be mpi or jni, not jmpi"), run::describe);
    }

    @Test
    void optionsTakeDirectByDefaultAndRefuseSegments() {
        OsuOptions o = OsuOptions.parse(new String[] {"-m", "8"}, 1, MpiJavaRun.DIRECT_AND_ARRAY);
        assertEquals(OsuOptions.BufferKind.DIRECT, o.buffer());
        assertEquals("direct", o.buffer().label());
        assertEquals(OsuOptions.BufferKind.ARRAY,
                OsuOptions.parse(new String[] {"-b", "array"}, 1, MpiJavaRun.DIRECT_AND_ARRAY).buffer());
        var e = assertThrows(IllegalArgumentException.class,
                () -> OsuOptions.parse(new String[] {"-b", "segment"}, 1, MpiJavaRun.DIRECT_AND_ARRAY));
        assertEquals("-b must be direct or array, not segment", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OsuOptions.parse(new String[] {"-b", "direct"}, 1));
        assertEquals("-b must be segment or array, not direct", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OsuOptions.parse(new String[] {"-q", "1"}, 1,
                List.of(OsuOptions.BufferKind.DIRECT)));
        assertTrue(e.getMessage().endsWith("-b direct)"), e.getMessage());
    }

    private static List<String> java(MpiLauncher mpi, Program p, String kind) {
        List<String> args = new ArrayList<>(p.args());
        args.addAll(List.of("-b", kind));
        return Programs.java(mpi, p.main(), args);
    }
}
