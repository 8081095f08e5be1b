package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link MpiTest#retriesOnTimeout()}: a method whose rank ran out of time gets another job, up to
 * the count given; a method that failed an assertion never does. Rank 1 of each fixture method
 * appends a line per job to a file in a directory named by a system property of the ranks.
 */
class RetryOnTimeoutTest {

    private static final Duration LIVENESS_BOUND = Duration.ofSeconds(150);
    private static final String DIR = "jmpi.test.retryDir";

    static class RetryFixture {
        @MpiTest(np = 2, timeoutSeconds = 4, retriesOnTimeout = 1)
        void hangsInItsFirstJobOnly() throws Exception {
            if (Ranks.rank() == 1 && recordRun("hangsInItsFirstJobOnly") == 1) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }

        @MpiTest(np = 2, timeoutSeconds = 4, retriesOnTimeout = 1)
        void alwaysHangs() throws Exception {
            if (Ranks.rank() == 1) {
                recordRun("alwaysHangs");
                Thread.sleep(Long.MAX_VALUE);
            }
        }

        @MpiTest(np = 2, retriesOnTimeout = 1)
        void failsAnAssertion() throws Exception {
            if (Ranks.rank() == 1) {
                recordRun("failsAnAssertion");
            }
            assertEquals(0, Ranks.rank(), "only rank 0 passes");
        }

        /** Records a run of {@code method} (on rank 1) and returns how many there were, this one included. */
        private static int recordRun(String method) throws IOException {
            Path file = Path.of(System.getProperty(DIR), method);
            Files.writeString(file, "ran\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return Files.readAllLines(file).size();
        }
    }

    @Test
    void timeoutsAreRetriedAndAssertionFailuresAreNot(@TempDir Path dir) throws IOException {
        String before = System.getProperty("jmpi.rank.jvmArgs", "");
        System.setProperty("jmpi.rank.jvmArgs", before + " -D" + DIR + "=" + dir);
        EngineExecutionResults results;
        try {
            results = assertTimeoutPreemptively(LIVENESS_BOUND, () -> Fixtures.run(RetryFixture.class, "2"));
        } finally {
            System.setProperty("jmpi.rank.jvmArgs", before);
        }
        assertEquals(1, Fixtures.succeeded(results, "hangsInItsFirstJobOnly"));
        assertEquals(List.of("ran", "ran"), Files.readAllLines(dir.resolve("hangsInItsFirstJobOnly")));

        String hung = Fixtures.failure(results, "alwaysHangs");
        assertTrue(hung.contains("rank 1 did not finish alwaysHangs: timed out after 4 s"), hung);
        assertEquals(List.of("ran", "ran"), Files.readAllLines(dir.resolve("alwaysHangs")));

        String failed = Fixtures.failure(results, "failsAnAssertion");
        assertTrue(failed.contains("only rank 0 passes"), failed);
        assertEquals(List.of("ran"), Files.readAllLines(dir.resolve("failsAnAssertion")));
    }
}
