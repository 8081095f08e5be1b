package org.jmpi.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method that runs on every rank of an {@code mpirun} job, once per rank count in
 * {@link #np()} (narrowed by the system property or configuration parameter {@code jmpi.np}).
 *
 * <p>The surefire JVM never runs the body: it launches one job per (class, rank count) that runs
 * all the class's eligible {@code @MpiTest} methods, and reports each method's per-rank outcome.
 * Method names must be unique among a class's {@code @MpiTest} methods. {@code @BeforeEach} and
 * {@code @AfterEach} run only in the ranks; put {@code @ExtendWith(MpiExtension.class)} on the
 * class to keep {@code @BeforeAll} and {@code @AfterAll} out of the surefire JVM too.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(MpiExtension.class)
public @interface MpiTest {

    /** Rank counts to run the test at, each as a separate invocation named {@code np=N}. */
    int[] np() default {1, 2, 4};

    /** Time each rank may spend in this method before the rank is stopped and the test fails. */
    int timeoutSeconds() default 60;

    /**
     * Further jobs this method gets at a rank count when a rank runs out of its time and no rank
     * failed an assertion. Only for a native call with a known intermittent hang in the MPI itself
     * (name it where this is set). Each retry is reported on standard error; a failed assertion is
     * never retried.
     */
    int retriesOnTimeout() default 0;
}
