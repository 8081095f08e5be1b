package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command lines, and the time bound that kills a job and what it started. */
class LauncherTest {
    @Test
    void commandLinesPinTwoRanksOnSharedMemoryAndPassTheBufferKindToJavaOnly() {
        Launcher l = new Launcher(Path.of("/p"), MpiLibrary.OPENMPI, List.of("--allow-run-as-root"),
                Duration.ofSeconds(5));
        Benchmark lat = Benchmarks.named("latency");
        assertEquals(List.of("mpirun.openmpi", "--allow-run-as-root", "--bind-to", "core", "-np", "2",
                "--mca", "pml", "ob1", "--mca", "btl", "self,vader",
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
        assertEquals(List.of("mpiexec.mpich", "-bind-to", "core", "-n", "2",
                "/p/benchmarks/target/c-bin-mpich/dsm_put_latency", "-i", "10"),
                l.command(put, Variant.C, List.of("-i", "10")));
        assertEquals(List.of("/p/native-scripts/jmpirun", "--mpi", "mpich", "-bind-to", "core", "-n", "2",
                "org.jmpi.bench.dsm.PutLatency", "-i", "10", "-b", "segment"),
                l.command(put, Variant.JAVA_SEGMENT, List.of("-i", "10")));
        assertEquals(Path.of("/p/benchmarks/target/c-bin-mpich/dsm_put_latency"), l.cProgram(put));
    }

    @Test
    void capturesOutputAndExitStatus(@TempDir Path dir) throws Exception {
        Launcher l = new Launcher(dir, MpiLibrary.OPENMPI, List.of(), Duration.ofSeconds(30));
        Launcher.Outcome o = l.run(List.of("bash", "-c", "echo out; echo err >&2; exit 3"));
        assertEquals(3, o.exitCode());
        assertFalse(o.timedOut());
        assertFalse(o.ok());
        assertEquals("out\n", o.stdout());
        assertEquals("err\n", o.stderr());
    }

    @Test
    void aJobPastItsBoundIsKilledWithItsChildren(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Launcher l = new Launcher(dir, MpiLibrary.OPENMPI, List.of(), Duration.ofSeconds(2));
        long start = System.nanoTime();
        // The child ignores SIGTERM, as a busy rank may; the parent waits for it.
        Launcher.Outcome o = l.run(List.of("bash", "-c",
                "bash -c 'trap \"\" TERM; sleep 300' & echo $! > " + pidFile + "; echo started; wait"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(o.timedOut());
        assertEquals(-1, o.exitCode());
        assertEquals("started\n", o.stdout());
        assertTrue(seconds < 20, "stopped after " + seconds + " s");
        long child = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(child).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child " + child + " alive");
    }
}
