/**
 * A JUnit 5 harness that runs {@link org.jmpi.test.MpiTest} methods on several ranks under {@code
 * mpirun}, without depending on MPI itself.
 *
 * <p>In the surefire JVM, {@link org.jmpi.test.MpiExtension} turns each method into one invocation
 * per rank count and reports the outcome of an {@code mpirun} job that starts one JVM per rank
 * ({@link org.jmpi.test.HarnessRankMain}). Ranks report back through one results file each in a
 * fresh job directory; the surefire JVM reads those files, and the job's output for diagnostics,
 * once the job has ended.
 */
package org.jmpi.test;
