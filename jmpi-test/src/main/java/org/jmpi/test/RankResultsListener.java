package org.jmpi.test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Runs in a rank: writes each {@link MpiTest} method's outcome to this rank's {@link ResultFile},
 * then waits until every rank has written one for that method, so ranks move from test to test in
 * lockstep. A watchdog thread stops the rank (exit status 3) when a method overruns its timeout, as
 * does waiting for peers past that deadline.
 */
final class RankResultsListener implements TestExecutionListener {

    /** Extra time a finished rank waits for its peers, so a hung peer's own watchdog fires first. */
    static final long PEER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Class<?> testClass;
    private final Map<String, Integer> timeouts;
    private final int rank;
    private final ResultFile own;
    private final List<ResultFile.Follower> peers = new ArrayList<>();
    private final List<Set<String>> peerResults = new ArrayList<>();
    private final Set<String> recorded = new HashSet<>();
    private final AtomicReference<Running> running = new AtomicReference<>();

    /** The method being run, the thread running it and when it must be done. */
    private record Running(String method, Thread thread, long deadline) {}

    /**
     * @param timeouts the methods to run with their timeouts in seconds, in the order requested
     */
    RankResultsListener(
            Class<?> testClass,
            Map<String, Integer> timeouts,
            Path dir,
            int rank,
            int size,
            ResultFile own) {
        this.testClass = testClass;
        this.timeouts = timeouts;
        this.rank = rank;
        this.own = own;
        for (int peer = 0; peer < size; peer++) {
            peers.add(new ResultFile.Follower(ResultFile.path(dir, peer)));
            peerResults.add(new HashSet<>());
        }
        Thread watchdog = new Thread(this::watch, "jmpi-rank-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        String method = method(id);
        if (id.isContainer() && method != null && !recorded.contains(method)) {
            own.write(new ResultFile.Line(ResultFile.Kind.START, method, ""));
            running.set(
                    new Running(
                            method, Thread.currentThread(), System.nanoTime() + seconds(timeouts.get(method))));
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        String method = method(id);
        if (method != null) {
            record(method, ResultFile.Kind.ABORT, "skipped: " + reason);
        } else if (isTestClass(id)) {
            recordRemaining(ResultFile.Kind.ABORT, "skipped: " + reason);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        String method = method(id);
        if (method != null) {
            if (id.isTest() || result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                record(method, kind(result), text(result));
            } else {
                record(method, ResultFile.Kind.FAIL, "java.lang.IllegalStateException: no invocation ran");
            }
        } else if (isTestClass(id) && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            recordRemaining(kind(result), text(result));
        }
    }

    /** Records a failure for every method the launcher did not report, e.g. one it did not find. */
    void finish() {
        recordRemaining(
                ResultFile.Kind.FAIL,
                "java.lang.IllegalStateException: the rank's JUnit launcher did not run this method");
    }

    private void recordRemaining(ResultFile.Kind kind, String text) {
        for (String method : timeouts.keySet()) {
            record(method, kind, text);
        }
    }

    /** Writes the method's result once, then waits until every rank has one for it. */
    private void record(String method, ResultFile.Kind kind, String text) {
        if (!recorded.add(method)) {
            return;
        }
        Running current = running.getAndSet(null);
        own.write(new ResultFile.Line(kind, method, text));
        long deadline =
                current != null && current.method.equals(method)
                        ? current.deadline
                        : System.nanoTime() + seconds(timeouts.get(method));
        awaitPeers(method, deadline + PEER_GRACE_NANOS);
    }

    private void awaitPeers(String method, long deadline) {
        while (true) {
            List<Integer> missing = new ArrayList<>();
            for (int peer = 0; peer < peers.size(); peer++) {
                Set<String> results = peerResults.get(peer);
                if (!results.contains(method)) {
                    try {
                        for (ResultFile.Line line : peers.get(peer).newLines()) {
                            if (line.kind().isResult()) {
                                results.add(line.method());
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (!results.contains(method)) {
                        missing.add(peer);
                    }
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                own.write(
                        new ResultFile.Line(ResultFile.Kind.TIMEOUT, method, "waiting for ranks " + missing));
                System.err.println(
                        "rank " + rank + ": gave up waiting for ranks " + missing + " to finish " + method);
                Runtime.getRuntime().halt(3);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private void watch() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            Running current = running.get();
            if (current != null && System.nanoTime() - current.deadline > 0 && running.get() == current) {
                own.write(new ResultFile.Line(ResultFile.Kind.TIMEOUT, current.method, ""));
                StringBuilder report =
                        new StringBuilder(
                                "rank "
                                        + rank
                                        + ": "
                                        + current.method
                                        + " timed out after "
                                        + timeouts.get(current.method)
                                        + " s in thread "
                                        + current.thread.getName()
                                        + ":");
                StackTraceElement[] stack = current.thread.getStackTrace();
                for (int i = 0; i < Math.min(stack.length, 15); i++) {
                    report.append("\n\tat ").append(stack[i]);
                }
                System.err.println(report);
                System.err.flush();
                Runtime.getRuntime().halt(3);
            }
        }
    }

    /** The name of the requested method an identifier belongs to, or {@code null}. */
    private String method(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof MethodSource source
                && source.getClassName().equals(testClass.getName())
                && timeouts.containsKey(source.getMethodName())) {
            return source.getMethodName();
        }
        return null;
    }

    private boolean isTestClass(TestIdentifier id) {
        return id.getSource().orElse(null) instanceof ClassSource source
                && source.getClassName().equals(testClass.getName());
    }

    private static ResultFile.Kind kind(TestExecutionResult result) {
        return switch (result.getStatus()) {
            case SUCCESSFUL -> ResultFile.Kind.PASS;
            case FAILED -> ResultFile.Kind.FAIL;
            case ABORTED -> ResultFile.Kind.ABORT;
        };
    }

    /** The full text of the result's throwable: class, message and stack trace with causes. */
    private static String text(TestExecutionResult result) {
        return result
                .getThrowable()
                .map(
                        throwable -> {
                            StringWriter text = new StringWriter();
                            throwable.printStackTrace(new PrintWriter(text, true));
                            return text.toString();
                        })
                .orElse(
                        result.getStatus() == TestExecutionResult.Status.SUCCESSFUL
                                ? ""
                                : result.getStatus().toString());
    }

    private static long seconds(int seconds) {
        return TimeUnit.SECONDS.toNanos(seconds);
    }
}
