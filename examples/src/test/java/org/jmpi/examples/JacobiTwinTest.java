package org.jmpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.jmpi.test.CPrograms;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.Programs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the Jacobi example and its C twin ({@code examples/src/main/c/jacobi.c}, built by
 * {@code native-scripts/build-c} with each MPI's {@code mpicc}) under that MPI's launcher and
 * compares their output, which must be identical to the last printed digit.
 */
class JacobiTwinTest {

    /** 23 x 23 splits unevenly over 2 and 3 process rows, so blocks differ in size. */
    private static final List<String> ARGS = List.of("23", "3000", "1e-6");
    private static final int TIMEOUT_SECONDS = 60;

    static Stream<Arguments> runs() {
        return Programs.runs(1, 2, 4);
    }

    static Stream<MpiLauncher> mpis() {
        return MpiLauncher.selected().stream();
    }

    @ParameterizedTest(name = "np={0} {1}")
    @MethodSource("runs")
    void javaPrintsWhatCPrints(int np, MpiLauncher mpi) throws Exception {
        String c = Programs.mpirun(mpi, np, c(mpi), TIMEOUT_SECONDS);
        String j = Programs.mpirun(mpi, np, Programs.java(mpi, Jacobi.class, ARGS), TIMEOUT_SECONDS);
        assertEquals(c, j, "Java and C output at np=" + np + " on " + mpi.id);
        assertTrue(c.startsWith("grid 23 x 23 on "), c);
    }

    /** The grid values are computed alike whatever the decomposition: only the residual's sum order changes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mpis")
    void resultDoesNotDependOnRankCount(MpiLauncher mpi) throws Exception {
        String one = decompositionFree(Programs.mpirun(mpi, 1, c(mpi), TIMEOUT_SECONDS));
        for (int np = 2; np <= 4; np++) {
            assertEquals(one, decompositionFree(Programs.mpirun(mpi, np, c(mpi), TIMEOUT_SECONDS)),
                    "np=" + np + " against np=1 on " + mpi.id);
        }
    }

    /** Expected strings from glibc's printf("%.12e"); String.format gives 4.195416316020e+06 for the first. */
    @Test
    void formatsAsPrintfDoes() {
        assertEquals("4.195416316019e+06", Jacobi.sci12(Double.longBitsToDouble(0x415001161439a9daL)));
        assertEquals("1.000000000000e+00", Jacobi.sci12(1.0));
        assertEquals("-2.500000000000e-01", Jacobi.sci12(-0.25));
        assertEquals("1.000000000000e+01", Jacobi.sci12(9.9999999999999));
        assertEquals("4.940656458412e-324", Jacobi.sci12(Double.MIN_VALUE));
        assertEquals("-0.000000000000e+00", Jacobi.sci12(-0.0));
        assertEquals("inf", Jacobi.sci12(Double.POSITIVE_INFINITY));
    }

    private static String decompositionFree(String output) {
        return output.lines().filter(l -> l.startsWith("iterations ") || l.startsWith("checksum ")
                || l.startsWith("center ")).reduce("", (a, b) -> a + b + "\n");
    }

    /** The C twin with {@link #ARGS}. */
    private static List<String> c(MpiLauncher mpi) throws Exception {
        return CPrograms.command(mpi, "examples", "jacobi", ARGS);
    }
}
