package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jmpi.test.MpiLauncher;
import org.junit.jupiter.api.Test;

/** Command lines of the Java programs and of the C twins under each MPI. */
class LauncherTest {
    @Test
    void commandLinesPinTwoRanksOnSharedMemoryAndPassTheBufferKindToJavaOnly() {
        Launcher l = new Launcher(Path.of("/p"), MpiLibrary.OPENMPI, List.of("--allow-run-as-root"),
                Duration.ofSeconds(5));
        Benchmark lat = Benchmarks.named("latency");
        assertEquals(List.of(MpiLauncher.OPENMPI.executable(), "--allow-run-as-root", "--bind-to", "core",
                "-np", "2", "--mca", "pml", "ob1", "--mca", "btl", "self,vader",
                "/p/benchmarks/target/c-bin/osu_latency", "-i", "10"), l.command(lat, Variant.C, List.of("-i", "10")));
        assertEquals(List.of("/p/native-scripts/jmpirun", "--mpi", "openmpi", "--bind-to", "core", "-np", "2",
                "--mca", "pml", "ob1", "--mca", "btl", "self,vader",
                "org.jmpi.bench.osu.Latency", "-i", "10", "-b", "array"),
                l.command(lat, Variant.JAVA_ARRAY, List.of("-i", "10")));
        assertFalse(l.available(lat, Variant.C), "no C program under /p");
    }

    @Test
    void mpichJobsRunUnderHydraWithItsOwnFlagsAndTwins() {
        Launcher l = new Launcher(Path.of("/p"), MpiLibrary.MPICH, List.of(), Duration.ofSeconds(5));
        Benchmark put = Benchmarks.named("dsm_put_lat");
        assertEquals(List.of(MpiLauncher.MPICH.executable(), "-bind-to", "core", "-n", "2",
                "/p/benchmarks/target/c-bin-mpich/dsm_put_latency", "-i", "10"),
                l.command(put, Variant.C, List.of("-i", "10")));
        assertEquals(List.of("/p/native-scripts/jmpirun", "--mpi", "mpich", "-bind-to", "core", "-n", "2",
                "org.jmpi.bench.dsm.PutLatency", "-i", "10", "-b", "segment"),
                l.command(put, Variant.JAVA_SEGMENT, List.of("-i", "10")));
        assertEquals(Path.of("/p/benchmarks/target/c-bin-mpich/dsm_put_latency"), l.cProgram(put));
    }

    @Test
    void theMpiPackageRunsThroughJmpirunAndJniThroughMpirunWithTheBindingsAlone() {
        Launcher.Jni jni = new Launcher.Jni(Path.of("/j/mpi.jar"), Path.of("/lib"), Path.of("/jdk/bin/java"));
        Launcher l = new Launcher(Path.of("/p"), MpiLibrary.OPENMPI, List.of("--allow-run-as-root"),
                Duration.ofSeconds(5), jni);
        Benchmark bw = Benchmarks.named("bw");
        assertEquals(List.of("/p/native-scripts/jmpirun", "--mpi", "openmpi", "--bind-to", "core", "-np", "2",
                "--mca", "pml", "ob1", "--mca", "btl", "self,vader",
                "org.jmpi.bench.mpijava.MpiJavaBandwidth", "-w", "8", "-b", "direct"),
                l.command(bw, Variant.MPI_DIRECT, List.of("-w", "8")));
        assertEquals(List.of(MpiLauncher.OPENMPI.executable(), "--allow-run-as-root", "--bind-to", "core",
                "-np", "2", "--mca", "pml", "ob1", "--mca", "btl", "self,vader",
                "/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-Djava.library.path=/lib",
                "-Djmpi.bench.impl=jni", "-cp", "/j/mpi.jar:/p/benchmarks/target/classes",
                "org.jmpi.bench.mpijava.MpiJavaBandwidth", "-w", "8", "-b", "direct"),
                l.command(bw, Variant.JNI_DIRECT, List.of("-w", "8")));
        assertTrue(l.jni());
        assertFalse(l.available(bw, Variant.JNI_DIRECT), "no jar at /j/mpi.jar");
        assertTrue(l.available(bw, Variant.MPI_DIRECT), "the program's class is built");
        assertEquals("org.jmpi.bench.mpijava.MpiJavaBandwidth on /j/mpi.jar", l.program(bw, Variant.JNI_DIRECT));

        Launcher plain = new Launcher(Path.of("/p"), MpiLibrary.OPENMPI, List.of(), Duration.ofSeconds(5));
        assertFalse(plain.jni());
        assertFalse(plain.available(bw, Variant.JNI_DIRECT));
        var e = assertThrows(IllegalArgumentException.class, () -> plain.command(bw, Variant.JNI_DIRECT, List.of()));
        assertTrue(e.getMessage().contains("--jni-jar"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Launcher(Path.of("/p"), MpiLibrary.MPICH, List.of(), Duration.ofSeconds(5), jni));
    }
}
