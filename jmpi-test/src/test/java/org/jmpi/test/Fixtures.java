package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the Jupiter engine in-process and digs into their events. */
final class Fixtures {

    /**
     * The MPI the fixtures run under: Open MPI. These tests check what the harness reports for
     * ranks that fail, hang or vanish, as read from Open MPI's mpirun; every suite that runs under
     * MPICH exercises the harness there.
     */
    static final MpiLauncher MPI = MpiLauncher.OPENMPI;

    private Fixtures() {}

    /** Runs a fixture class with {@code jmpi.np} set to {@code np}, under {@link #MPI}. */
    static EngineExecutionResults run(Class<?> fixture, String np) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameter(MpiExtension.NP_FILTER, np)
                .configurationParameter(MpiLauncher.MPIS, MPI.id)
                .execute();
    }

    /** The display names of the finished invocations of {@code method}. */
    static List<String> displayNames(EngineExecutionResults results, String method) {
        return finished(results, method, null).stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .toList();
    }

    /** How many invocations of {@code method} succeeded. */
    static long succeeded(EngineExecutionResults results, String method) {
        return finished(results, method, Status.SUCCESSFUL).size();
    }

    /**
     * The message of the single failed invocation of {@code method}, which must be a {@link
     * RankFailure}.
     */
    static String failure(EngineExecutionResults results, String method) {
        Throwable thrown = single(results, method, Status.FAILED);
        assertEquals(RankFailure.class, thrown.getClass(), () -> "unexpected failure: " + thrown);
        return thrown.getMessage();
    }

    /** The message of the single aborted invocation of {@code method}. */
    static String abortion(EngineExecutionResults results, String method) {
        return single(results, method, Status.ABORTED).getMessage();
    }

    private static Throwable single(EngineExecutionResults results, String method, Status status) {
        List<Event> events = finished(results, method, status);
        assertEquals(1, events.size(), () -> status + " invocations of " + method + ": " + events);
        return events
                .getFirst()
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
    }

    /** Finished test events of {@code method} with the given status, or any status if null. */
    private static List<Event> finished(
            EngineExecutionResults results, String method, Status status) {
        return results.testEvents().finished().stream()
                .filter(
                        event ->
                                event.getTestDescriptor().getSource().orElse(null) instanceof MethodSource source
                                        && source.getMethodName().equals(method))
                .filter(
                        event ->
                                status == null
                                        || event.getRequiredPayload(TestExecutionResult.class).getStatus() == status)
                .toList();
    }
}
