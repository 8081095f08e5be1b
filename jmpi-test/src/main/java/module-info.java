/**
 * The multi-rank JUnit 5 harness ({@link org.jmpi.test.MpiTest}) and the helpers that run
 * whole programs under each MPI's launcher. It does not depend on jmpi itself. JUnit
 * instantiates {@link org.jmpi.test.MpiExtension} through its public constructor, so the
 * exported package needs no {@code opens}; the test classes it runs are reflected on by
 * JUnit, as usual, and are the caller's to open.
 */
module org.jmpi.test {
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires org.junit.platform.launcher;

    exports org.jmpi.test;
}
