package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class FailingRanksTest {

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Fixture {
        @MpiTest(np = 2)
        @Order(1)
        void rankOneFails() {
            assertEquals(0, Ranks.rank(), "rank mismatch on purpose");
        }

        @MpiTest(np = 2)
        @Order(2)
        void afterFailure() {
            assertEquals(2, Ranks.size());
        }

        @MpiTest(np = 4)
        void ranksTwoAndThreeFail() {
            assertTrue(Ranks.rank() < 2, "rank " + Ranks.rank() + " is too high");
        }
    }

    @ExtendWith(MpiExtension.class)
    static class BrokenSetupFixture {
        static final AtomicInteger SETUPS = new AtomicInteger();

        @BeforeAll
        static void setUp() {
            SETUPS.incrementAndGet();
            if (Ranks.rank() == 1) {
                throw new IllegalStateException("setup broke on rank 1");
            }
        }

        @MpiTest(np = 2)
        void one() {}

        @MpiTest(np = 2)
        void two() {}
    }

    static class OverloadFixture {
        @MpiTest(np = 1)
        void twice() {}

        @MpiTest(np = 1)
        void twice(org.junit.jupiter.api.TestInfo info) {}
    }

    @Test
    void failingRanksAreNamedWithTheirAssertions() {
        EngineExecutionResults results = Fixtures.run(Fixture.class, "2,4");

        String oneFails = Fixtures.failure(results, "rankOneFails");
        assertAll(
                () ->
                        assertTrue(
                                oneFails.contains(
                                        "rank 1: org.opentest4j.AssertionFailedError: rank mismatch on purpose"),
                                oneFails),
                () -> assertFalse(oneFails.contains("rank 0"), oneFails),
                () ->
                        assertTrue(
                                oneFails.contains("Fixture.rankOneFails("), "remote stack trace: " + oneFails));
        assertEquals(1, Fixtures.succeeded(results, "afterFailure"));

        String highFail = Fixtures.failure(results, "ranksTwoAndThreeFail");
        assertAll(
                () ->
                        assertTrue(
                                highFail.contains(
                                        "rank 2: org.opentest4j.AssertionFailedError: rank 2 is too high"),
                                highFail),
                () ->
                        assertTrue(
                                highFail.contains(
                                        "rank 3: org.opentest4j.AssertionFailedError: rank 3 is too high"),
                                highFail),
                () -> assertFalse(highFail.contains("rank 0") || highFail.contains("rank 1"), highFail));
        results.testEvents().assertStatistics(stats -> stats.started(3).failed(2).succeeded(1));
    }

    @Test
    void beforeAllFailureFailsEveryMethodAndStaysOutOfTheSurefireJvm() {
        EngineExecutionResults results = Fixtures.run(BrokenSetupFixture.class, "2");

        for (String method : List.of("one", "two")) {
            String message = Fixtures.failure(results, method);
            assertTrue(
                    message.contains("rank 1: java.lang.IllegalStateException: setup broke on rank 1"),
                    message);
        }
        assertEquals(0, BrokenSetupFixture.SETUPS.get(), "@BeforeAll ran in the surefire JVM");
    }

    @Test
    void overloadsAreRejected() {
        EngineExecutionResults results = Fixtures.run(OverloadFixture.class, "1");

        Throwable thrown =
                results.containerEvents().failed().stream()
                        .map(
                                event ->
                                        event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class))
                        .flatMap(result -> result.getThrowable().stream())
                        .findFirst()
                        .orElseThrow();
        assertTrue(thrown.getMessage().contains("overloads of twice"), thrown.getMessage());
    }
}
