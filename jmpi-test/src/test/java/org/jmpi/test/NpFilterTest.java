package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class NpFilterTest {

    static class Fixture {
        @MpiTest(np = {1, 2})
        void runsAtOneAndTwo() {
            assertEquals(1, Ranks.size());
        }

        @MpiTest(np = 4)
        void runsOnlyAtFour() {}

        @MpiTest(np = 1)
        void assumesOtherwise() {
            Assumptions.assumeTrue(false, "not on this machine");
        }
    }

    @Test
    void jmpiNpSelectsRankCounts() {
        EngineExecutionResults results = Fixtures.run(Fixture.class, "1");

        assertEquals(
                List.of("np=1 " + Fixtures.MPI.id), Fixtures.displayNames(results, "runsAtOneAndTwo"));
        assertEquals(1, Fixtures.succeeded(results, "runsAtOneAndTwo"));
        assertEquals(List.of("np filtered out"), Fixtures.displayNames(results, "runsOnlyAtFour"));
        String filtered = Fixtures.abortion(results, "runsOnlyAtFour");
        assertTrue(filtered.contains("np filtered out by jmpi.np"), filtered);
        String assumed = Fixtures.abortion(results, "assumesOtherwise");
        assertTrue(
                assumed.contains(
                        "rank 0: org.opentest4j.TestAbortedException: Assumption failed: not on this machine"),
                assumed);
    }

    @Test
    void malformedFilterIsReported() {
        EngineExecutionResults results = Fixtures.run(Fixture.class, "one");

        results.containerEvents().assertStatistics(stats -> stats.failed(3));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }
}
