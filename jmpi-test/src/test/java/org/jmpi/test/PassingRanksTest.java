package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class PassingRanksTest {

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Fixture {
        static final AtomicInteger SETUPS = new AtomicInteger();
        static final AtomicInteger BODIES = new AtomicInteger();
        static boolean firstRanHere;

        @BeforeEach
        void setUp() {
            SETUPS.incrementAndGet();
        }

        @MpiTest
        @Order(1)
        void sizeMatchesNp() {
            BODIES.incrementAndGet();
            assertTrue(System.getenv("OMPI_COMM_WORLD_SIZE") != null || System.getenv("PMI_SIZE") != null,
                    "not started by an MPI launcher");
            assertEquals(Integer.getInteger("jmpi.harness.np"), Ranks.size());
            assertTrue(Ranks.rank() >= 0 && Ranks.rank() < Ranks.size(), "rank " + Ranks.rank());
            assertTrue(Ranks.inRank());
            assertEquals(1, SETUPS.get(), "@BeforeEach ran once in this rank");
            firstRanHere = true;
        }

        @MpiTest(np = 2)
        @Order(2)
        void sharesTheJobWithTheFirstMethod() {
            BODIES.incrementAndGet();
            assertTrue(firstRanHere, "expected one JVM per rank for all methods at np=2");
        }
    }

    @Test
    void everyRankPassesAtEveryNp() {
        EngineExecutionResults results = Fixtures.run(Fixture.class, "1,2,4");

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        String mpi = " " + Fixtures.MPI.id;
        assertEquals(
                List.of("np=1" + mpi, "np=2" + mpi, "np=4" + mpi),
                Fixtures.displayNames(results, "sizeMatchesNp"));
        assertEquals(
                0, Fixture.BODIES.get() + Fixture.SETUPS.get(), "test code ran in the surefire JVM");
    }
}
