package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** End actions run last-in first-out after the tests; a failing one fails the last test. */
class EndActionsTest {

    static class Fixture {
        static volatile boolean laterActionRan;

        @MpiTest(np = 1)
        void registersEndActions() {
            Ranks.atEnd(
                    () -> {
                        throw new IllegalStateException(
                                laterActionRan ? "first end action ran last" : "end actions ran out of order");
                    });
            Ranks.atEnd(() -> laterActionRan = true);
        }
    }

    @Test
    void failingEndActionIsReported() {
        EngineExecutionResults results = Fixtures.run(Fixture.class, "1");

        String message = Fixtures.failure(results, "registersEndActions");
        assertAll(
                () ->
                        assertTrue(
                                message.contains(
                                        "every rank finished registersEndActions but then the job exited with code 2"),
                                message),
                () ->
                        assertTrue(
                                message.contains("IllegalStateException: first end action ran last"), message),
                () -> assertFalse(message.contains("out of order"), message));
    }
}
