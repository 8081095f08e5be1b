package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's options, the registry and the alternating order. */
class RunnerOptionsTest {
    private static final Path OUT = Path.of("results");

    @Test
    void defaultsAndQuick() {
        RunnerOptions full = RunnerOptions.parse(new String[0], OUT);
        assertEquals(MpiLibrary.OPENMPI, full.mpi());
        assertEquals(OUT.resolve("latest"), full.out());
        assertEquals(5, full.reps());
        assertEquals(10, full.maxReps());
        assertEquals(Duration.ofSeconds(600), full.timeout());
        RunnerOptions quick = RunnerOptions.parse(new String[] {"--quick"}, OUT);
        assertEquals(3, quick.reps());
        assertEquals(6, quick.maxReps());
        assertEquals(Duration.ofSeconds(120), quick.timeout());
    }

    @Test
    void mpichRunsWriteBesideOpenMpisUnlessToldWhere() {
        RunnerOptions mpich = RunnerOptions.parse(new String[] {"--quick", "--mpi", "mpich"}, OUT);
        assertEquals(MpiLibrary.MPICH, mpich.mpi());
        assertEquals(OUT.resolve("latest-mpich"), mpich.out());
        assertEquals(Path.of("x"), RunnerOptions.parse(new String[] {"--out", "x", "--mpi", "mpich"}, OUT).out());
        var e = assertThrows(IllegalArgumentException.class,
                () -> RunnerOptions.parse(new String[] {"--mpi", "lam"}, OUT));
        assertTrue(e.getMessage().contains("--mpi") && e.getMessage().contains("lam"), e.getMessage());
    }

    @Test
    void programOptionsFollowTheQuickOnes() {
        RunnerOptions o = RunnerOptions.parse(new String[] {"--quick", "-m", "1:64", "--reps", "2", "--only",
            "bw, latency", "--out", "x", "--timeout", "9"}, OUT);
        assertEquals(2, o.reps());
        assertEquals(4, o.maxReps());
        assertEquals(List.of("bw", "latency"), o.only());
        assertEquals(Path.of("x"), o.out());
        assertEquals(Duration.ofSeconds(9), o.timeout());
        Benchmark bw = Benchmarks.named("bw");
        List<String> expected = new java.util.ArrayList<>(bw.quickOptions());
        expected.addAll(List.of("-m", "1:64"));
        assertEquals(expected, o.programOptionsFor(bw));
        assertEquals(List.of("-m", "1:64"),
                RunnerOptions.parse(new String[] {"-m", "1:64"}, OUT).programOptionsFor(bw));
    }

    @Test
    void badOptionsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(new String[] {"--reps", "0"}, OUT));
        assertTrue(e.getMessage().contains("--reps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(new String[] {"--fast"}, OUT));
        assertTrue(e.getMessage().contains("--fast"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(new String[] {"--out"}, OUT));
        assertTrue(e.getMessage().contains("--out"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RunnerOptions.parse(new String[] {"--max-reps", "4"}, OUT));
        assertTrue(e.getMessage().contains("--max-reps 4 is below --reps 5"), e.getMessage());
        assertEquals(3, RunnerOptions.parse(new String[] {"--quick", "--max-reps", "3"}, OUT).maxReps());
    }

    @Test
    void selectKeepsRegistryOrderAndRefusesUnknownNames() {
        assertEquals(List.of("latency", "bw"),
                Benchmarks.select(List.of("bw", "latency")).stream().map(Benchmark::name).toList());
        assertEquals(13, Benchmarks.select(List.of()).size());
        var e = assertThrows(IllegalArgumentException.class, () -> Benchmarks.select(List.of("nope")));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("dsm_put_lat"), e.getMessage());
    }

    @Test
    void variantsAlternateBetweenRepetitions() {
        List<Variant> v = Benchmarks.named("latency").variants();
        assertEquals(List.of(Variant.JAVA_SEGMENT, Variant.JAVA_ARRAY, Variant.MPI_DIRECT, Variant.MPI_ARRAY, Variant.C),
                Variant.order(v, 0));
        assertEquals(List.of(Variant.C, Variant.MPI_ARRAY, Variant.MPI_DIRECT, Variant.JAVA_ARRAY, Variant.JAVA_SEGMENT),
                Variant.order(v, 1));
        assertEquals(Variant.order(v, 0), Variant.order(v, 2));
        assertEquals(List.of(Variant.JAVA_SEGMENT, Variant.C), Benchmarks.named("barrier").variants());
    }

    @Test
    void theMpiPackageRunsLatencyBandwidthAndAllreduceAndOnJniWhenAsked() {
        assertEquals(List.of(Variant.JAVA_SEGMENT, Variant.JAVA_ARRAY, Variant.MPI_DIRECT, Variant.MPI_ARRAY,
                Variant.JNI_DIRECT, Variant.JNI_ARRAY, Variant.C), Benchmarks.named("allreduce").variants(true));
        // the package's iSend/iRecv take direct buffers only
        assertEquals(List.of(Variant.JAVA_SEGMENT, Variant.JAVA_ARRAY, Variant.MPI_DIRECT, Variant.JNI_DIRECT,
                Variant.C), Benchmarks.named("bw").variants(true));
        assertEquals(List.of(Variant.JAVA_SEGMENT, Variant.JAVA_ARRAY, Variant.C),
                Benchmarks.named("bibw").variants(true), "no program on the mpi package");
        Benchmark lat = Benchmarks.named("latency");
        assertEquals("org.jmpi.bench.mpijava.MpiJavaLatency", lat.mainClass(Variant.JNI_ARRAY));
        assertEquals("org.jmpi.bench.mpijava.MpiJavaLatency", lat.mainClass(Variant.MPI_DIRECT));
        assertEquals("org.jmpi.bench.osu.Latency", lat.mainClass(Variant.JAVA_ARRAY));
        assertThrows(IllegalArgumentException.class, () -> lat.mainClass(Variant.C));
        assertEquals(List.of("mpi(direct)", "JNI(array)", "mpi-direct", "jni-array"), List.of(Variant.MPI_DIRECT.title(),
                Variant.JNI_ARRAY.title(), Variant.MPI_DIRECT.label(), Variant.JNI_ARRAY.label()));
        assertEquals(Variant.JAVA_SEGMENT, Variant.MPI_DIRECT.apiTwin());
        assertEquals(Variant.JAVA_ARRAY, Variant.MPI_ARRAY.apiTwin());
        assertEquals(null, Variant.JNI_DIRECT.apiTwin());
    }

    @Test
    void jniBindingsAreOpenMpisOnly() {
        assertEquals(null, RunnerOptions.parse(new String[0], OUT).jniJar());
        RunnerOptions o = RunnerOptions.parse(new String[] {"--jni-jar", "/j/mpi.jar"}, OUT);
        assertEquals(Path.of("/j/mpi.jar"), o.jniJar());
        assertEquals(Path.of(RunnerOptions.DEFAULT_JNI_LIBRARY), o.jniLibrary());
        assertEquals(Path.of("/lib"), RunnerOptions.parse(new String[] {"--jni-jar", "j", "--jni-lib", "/lib"}, OUT)
                .jniLibrary());
        var e = assertThrows(IllegalArgumentException.class,
                () -> RunnerOptions.parse(new String[] {"--mpi", "mpich", "--jni-jar", "j"}, OUT));
        assertTrue(e.getMessage().contains("--jni-jar") && e.getMessage().contains("MPICH"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(new String[] {"--jni-lib", "x"}, OUT));
        assertTrue(e.getMessage().contains("--jni-lib needs --jni-jar"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunnerOptions.parse(new String[] {"--jni-jar"}, OUT));
        assertTrue(e.getMessage().contains("--jni-jar"), e.getMessage());
    }
}
