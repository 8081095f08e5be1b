package org.jmpi.test;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One command run to its end within a time bound: the one way the harness, the whole-program
 * tests, the reliability jobs and the benchmark runner start processes. Standard input is empty;
 * standard output and error are captured (in temporary files, or together in one file the caller
 * keeps). A command past its bound is stopped with every process under it, so that no rank
 * outlives its job, and so is any still running when this JVM exits.
 *
 * <pre>{@code
 * BoundedProcess.Result r = BoundedProcess.of(command).run(Duration.ofSeconds(60));
 * }</pre>
 */
public final class BoundedProcess {

    /** The most of each output kept in memory: its last 4 MiB. */
    static final int MAX_CAPTURE = 4 << 20;

    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
    private static final File NO_INPUT = new File("/dev/null");
    private static final Map<Process, Duration> RUNNING = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(
                new Thread(() -> RUNNING.forEach(BoundedProcess::stop), "jmpi-process-reaper"));
    }

    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path directory;
    private Path outputFile;
    private Duration grace = Duration.ZERO;

    private BoundedProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** The command line {@code command}, in this JVM's working directory and environment. */
    public static BoundedProcess of(List<String> command) {
        return new BoundedProcess(command);
    }

    /** Runs the command in {@code dir}. */
    public BoundedProcess directory(Path dir) {
        this.directory = dir;
        return this;
    }

    /** Adds {@code variables} to the command's environment. */
    public BoundedProcess environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /**
     * Writes standard output and error interleaved to {@code file}, which stays; the result's
     * {@link Result#stdout()} holds both and its {@link Result#stderr()} is empty.
     */
    public BoundedProcess outputIn(Path file) {
        this.outputFile = file;
        return this;
    }

    /**
     * Past the bound, sends SIGTERM first and SIGKILL only after {@code grace}: a launcher ends
     * its ranks on SIGTERM, even those that are not its children, as srun's are not. Without a
     * grace period (the default) everything is killed at once.
     */
    public BoundedProcess graceOnTimeout(Duration grace) {
        this.grace = grace;
        return this;
    }

    /**
     * Runs the command and waits for it at most {@code bound}, then stops it (see {@link
     * #graceOnTimeout}).
     *
     * @throws IOException if the command cannot start or its output cannot be read
     * @throws InterruptedException if interrupted while waiting; the command is killed first
     */
    public Result run(Duration bound) throws IOException, InterruptedException {
        Path out = outputFile != null ? outputFile : Files.createTempFile("jmpi-process-", ".out");
        Path err = outputFile != null ? null : Files.createTempFile("jmpi-process-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(NO_INPUT))
                    .redirectOutput(out.toFile());
            if (err == null) {
                builder.redirectErrorStream(true);
            } else {
                builder.redirectError(err.toFile());
            }
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            long start = System.nanoTime();
            Process process = builder.start();
            RUNNING.put(process, grace);
            boolean finished;
            try {
                finished = process.waitFor(bound.toNanos(), TimeUnit.NANOSECONDS);
                if (!finished) {
                    stop(process, grace);
                }
            } catch (InterruptedException e) {
                stop(process, Duration.ZERO);
                throw e;
            } finally {
                RUNNING.remove(process);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            return new Result(command, finished ? process.exitValue() : -1, !finished, read(out),
                    err == null ? "" : read(err), elapsed);
        } finally {
            if (outputFile == null) {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    /**
     * How a command ended.
     *
     * @param command the command line
     * @param exitCode its exit status, {@code -1} when it was stopped at its bound
     * @param timedOut whether it passed its bound and was stopped
     * @param stdout its standard output (its last 4 MiB at most)
     * @param stderr its standard error (likewise)
     * @param elapsed its wall time
     */
    public record Result(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr,
                         Duration elapsed) {
        /** Whether the command ended by itself with status 0. */
        public boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** The command, how it ended and both outputs, for a failure message. */
        public String describe() {
            return String.join(" ", command) + "\n"
                    + (timedOut ? "killed after " + elapsed.toSeconds() + " s" : "exit status " + exitCode)
                    + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    /**
     * Stops {@code process} and every process under it: SIGTERM first when {@code grace} is
     * positive, then SIGKILL to all, including those that outlived a launcher that exited in the
     * meantime; waits a few seconds for each to be gone.
     */
    static void stop(Process process, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        if (grace.isPositive()) {
            process.destroy();
            try {
                process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            tree.addAll(process.descendants().toList());
        }
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort: the process may be a zombie of a dead parent
            }
        }
    }

    /** The file's text, its last {@link #MAX_CAPTURE} bytes at most, bad UTF-8 replaced. */
    static String read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            long start = Math.max(0, size - MAX_CAPTURE);
            ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - start));
            while (buffer.hasRemaining() && in.read(buffer, start + buffer.position()) >= 0) {
                // fill the buffer
            }
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            return start == 0 ? text : "[first " + start + " bytes left out]\n" + text;
        }
    }
}
