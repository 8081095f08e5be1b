package org.jmpi.test;

import org.opentest4j.TestAbortedException;

/** What one {@link MpiTest} method did at one rank count, as seen from the surefire JVM. */
sealed interface Outcome {

    /** Every rank passed. */
    record Passed() implements Outcome {}

    /**
     * Some rank failed or did not finish; the message is the full report. {@code timedOut} when
     * the only problem is that some rank ran out of the method's time (no rank failed an assertion).
     */
    record Failed(String message, boolean timedOut) implements Outcome {
        Failed(String message) {
            this(message, false);
        }
    }

    /** No rank failed but some rank aborted (assumption failure or skip). */
    record Aborted(String message) implements Outcome {}

    /** Returns normally, or throws the JUnit exception that reports this outcome. */
    default void report() {
        switch (this) {
            case Passed passed -> {}
            case Failed failed -> throw new RankFailure(failed.message());
            case Aborted aborted -> throw new TestAbortedException(aborted.message());
        }
    }
}
