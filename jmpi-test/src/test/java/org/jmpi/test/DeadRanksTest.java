package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Ranks that hang or vanish fail their test, and the methods after them still run. */
class DeadRanksTest {

    private static final Duration LIVENESS_BOUND = Duration.ofSeconds(120);

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class HangFixture {
        @MpiTest(np = 2, timeoutSeconds = 5)
        @Order(1)
        void rankOneHangs() throws InterruptedException {
            if (Ranks.rank() == 1) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }

        @MpiTest(np = 2)
        @Order(2)
        void afterHang() {
            assertEquals(2, Ranks.size());
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ExitFixture {
        @MpiTest(np = 2)
        @Order(1)
        void rankOneExits() {
            if (Ranks.rank() == 1) {
                Runtime.getRuntime().halt(7);
            }
        }

        @MpiTest(np = 2)
        @Order(2)
        void afterExit() {
            assertEquals(2, Ranks.size());
        }
    }

    @Test
    void hungRankTimesOut() {
        EngineExecutionResults results =
                assertTimeoutPreemptively(LIVENESS_BOUND, () -> Fixtures.run(HangFixture.class, "2"));

        String message = Fixtures.failure(results, "rankOneHangs");
        assertAll(
                () ->
                        assertTrue(
                                message.contains("rank 1 did not finish rankOneHangs: timed out after 5 s"),
                                message),
                () -> assertFalse(message.contains("rank 0:"), message),
                () ->
                        assertTrue(
                                message.contains("Thread.sleep"), "hung stack in the output tail: " + message));
        assertEquals(1, Fixtures.succeeded(results, "afterHang"));
    }

    @Test
    void rankExitingEarlyFailsTheTest() {
        EngineExecutionResults results =
                assertTimeoutPreemptively(LIVENESS_BOUND, () -> Fixtures.run(ExitFixture.class, "2"));

        String message = Fixtures.failure(results, "rankOneExits");
        assertTrue(
                message.contains("rank 1 did not finish rankOneExits: exited early (exit code 7)"),
                message);
        assertEquals(1, Fixtures.succeeded(results, "afterExit"));
    }
}
