package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output capture, exit status, and the time bound that stops a command and what it started. */
class BoundedProcessTest {

    @TempDir Path dir;

    @Test
    void capturesBothOutputsExitStatusDirectoryAndEnvironment() throws Exception {
        BoundedProcess.Result r = BoundedProcess.of(List.of("bash", "-c", "echo $PWD $X; echo err >&2; exit 3"))
                .directory(dir).environment(Map.of("X", "x")).run(Duration.ofSeconds(30));
        assertEquals(3, r.exitCode());
        assertFalse(r.timedOut());
        assertFalse(r.ok());
        assertEquals(dir.toRealPath() + " x\n", r.stdout());
        assertEquals("err\n", r.stderr());
        assertTrue(r.describe().contains("exit status 3\nstdout:\n"), r.describe());
    }

    @Test
    void keepsInterleavedOutputInTheCallersFile() throws Exception {
        Path log = dir.resolve("output.log");
        BoundedProcess.Result r = BoundedProcess.of(List.of("bash", "-c", "echo out; echo err >&2; read x; echo $?"))
                .outputIn(log).run(Duration.ofSeconds(30));
        assertTrue(r.ok(), r::describe);
        assertEquals("out\nerr\n1\n", r.stdout(), "standard input is empty");
        assertEquals("", r.stderr());
        assertEquals(r.stdout(), Files.readString(log));
    }

    @Test
    void keepsTheEndOfALongOutput() throws Exception {
        BoundedProcess.Result r = BoundedProcess.of(List.of("bash", "-c", "head -c 5000000 /dev/zero; echo end"))
                .run(Duration.ofSeconds(30));
        long cut = 5_000_004 - BoundedProcess.MAX_CAPTURE;
        assertTrue(r.stdout().startsWith("[first " + cut + " bytes left out]\n"), () -> r.stdout().substring(0, 40));
        assertTrue(r.stdout().endsWith("\0end\n"));
    }

    @Test
    void aCommandPastItsBoundIsKilledWithItsChildrenEvenThoseIgnoringSigterm() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        // The child ignores SIGTERM, as a busy rank may; the parent waits for it.
        BoundedProcess.Result r = BoundedProcess.of(List.of("bash", "-c",
                        "bash -c 'trap \"\" TERM; sleep 300' & echo $! > " + pidFile + "; echo started; wait"))
                .graceOnTimeout(Duration.ofSeconds(1)).run(Duration.ofSeconds(2));
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertEquals("started\n", r.stdout());
        assertTrue(r.elapsed().toSeconds() < 20, "stopped after " + r.elapsed());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(child).ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child " + child + " alive");
    }
}
