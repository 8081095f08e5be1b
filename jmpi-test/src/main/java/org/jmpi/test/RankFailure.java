package org.jmpi.test;

import org.opentest4j.AssertionFailedError;

/**
 * Reports, in the surefire JVM, that an {@link MpiTest} failed or did not finish on one or more
 * ranks. The message lists every such rank and includes the first failing rank's stack trace or the
 * tail of the job's output.
 */
public final class RankFailure extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    /** Creates a failure with the full per-rank report as its message. */
    public RankFailure(String message) {
        super(message);
    }
}
