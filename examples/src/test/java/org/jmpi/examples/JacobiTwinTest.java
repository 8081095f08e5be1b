package org.jmpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the Jacobi example and its C twin ({@code examples/src/main/c/jacobi.c}, built by
 * {@code native-scripts/build-c}) under {@code mpirun} and compares their output, which
 * must be identical to the last printed digit.
 */
class JacobiTwinTest {

    /** 23 x 23 splits unevenly over 2 and 3 process rows, so blocks differ in size. */
    private static final List<String> ARGS = List.of("23", "3000", "1e-6");
    private static final long TIMEOUT_SECONDS = 60;

    private static Path root;
    private static Path cProgram;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildCTwin() throws Exception {
        root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("native-scripts/build-c"))) {
            root = root.getParent();
            assertTrue(root != null, "no native-scripts/build-c above " + Path.of("").toAbsolutePath());
        }
        Path log = Files.createTempFile("jmpi-build-c-", ".log");
        try {
            Process build = new ProcessBuilder("bash", root.resolve("native-scripts/build-c").toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = build.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                build.destroyForcibly();
            }
            assertTrue(done && build.exitValue() == 0, "native-scripts/build-c failed:\n" + Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
        cProgram = root.resolve("examples/target/c-bin/jacobi");
        assertTrue(Files.isExecutable(cProgram), cProgram + " was not built");
    }

    @ParameterizedTest(name = "np={0}")
    @ValueSource(ints = {1, 2, 4})
    void javaPrintsWhatCPrints(int np) throws Exception {
        assumeTrue(npAllowed(np), "np=" + np + " is not in jmpi.np");
        String c = mpirun(np, List.of(cProgram.toString()));
        List<String> java = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Jacobi.class.getName()));
        String j = mpirun(np, java);
        assertEquals(c, j, "Java and C output at np=" + np);
        assertTrue(c.startsWith("grid 23 x 23 on "), c);
    }

    /** The grid values are computed alike whatever the decomposition: only the residual's sum order changes. */
    @Test
    void resultDoesNotDependOnRankCount() throws Exception {
        String one = decompositionFree(mpirun(1, List.of(cProgram.toString())));
        for (int np = 2; np <= 4; np++) {
            assertEquals(one, decompositionFree(mpirun(np, List.of(cProgram.toString()))), "np=" + np + " against np=1");
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

    /** Runs {@code program} with {@link #ARGS} on {@code np} ranks and returns its standard output. */
    private String mpirun(int np, List<String> program) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mpirun"));
        if (isRoot()) {
            command.add("--allow-run-as-root");
        }
        command.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(np)));
        command.addAll(program);
        command.addAll(ARGS);
        Path out = Files.createTempFile(tmp, "out-", ".txt");
        Path err = Files.createTempFile(tmp, "err-", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            fail("killed after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command)
                    + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        assertEquals(0, process.exitValue(), () -> "exit status of " + String.join(" ", command)
                + "\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
        return Files.readString(out);
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The rank counts allowed by {@code -Djmpi.np=1,2} (all when unset), as the multi-rank suites honour it. */
    private static boolean npAllowed(int np) {
        String allowed = System.getProperty("jmpi.np", "").strip();
        return allowed.isEmpty() || Arrays.stream(allowed.split(",")).map(String::strip).anyMatch(s -> s.equals(Integer.toString(np)));
    }
}
