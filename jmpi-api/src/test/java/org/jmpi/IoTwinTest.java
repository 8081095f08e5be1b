package org.jmpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jmpi.test.Programs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link IoTwin} against its C twin {@code jmpi-api/src/main/c/io_twin.c} (built by
 * {@code native-scripts/build-c}), both under mpirun: each writes a file through the
 * same strided view, the other reads it back through the view, the two files are
 * byte for byte the same, and their raw bytes hold every rank's ints where the view puts
 * them.
 */
class IoTwinTest {
    private static final int N = 3000;
    private static final int B = 25;
    private static final int TIMEOUT_SECONDS = 120;

    private static Path cTwin;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildCTwin() throws Exception {
        cTwin = Programs.cProgram("jmpi-api", "io_twin");
    }

    @ParameterizedTest(name = "np={0}")
    @ValueSource(ints = {1, 2, 4})
    void javaAndCWriteAndReadTheSameFile(int np) throws Exception {
        assumeTrue(Programs.npAllowed(np), "np=" + np + " is not in jmpi.np");
        Path fromC = tmp.resolve("from-c.dat");
        Path fromJava = tmp.resolve("from-java.dat");
        String summary = " " + (long) N * np + " ints in blocks of " + B + " from " + np + " ranks: ok\n";

        assertEquals("wrote" + summary, Programs.mpirun(np, c("write", fromC), TIMEOUT_SECONDS));
        assertLayout(fromC, np);
        assertEquals("checked" + summary, Programs.mpirun(np, java("read", fromC), TIMEOUT_SECONDS));

        assertEquals("wrote" + summary, Programs.mpirun(np, java("write", fromJava), TIMEOUT_SECONDS));
        assertLayout(fromJava, np);
        assertEquals("checked" + summary, Programs.mpirun(np, c("read", fromJava), TIMEOUT_SECONDS));
        assertEquals(-1, Files.mismatch(fromC, fromJava), "the C and the Java file differ");
    }

    /** Rank r's i-th int is int (i / B) * B * np + r * B + i % B of the file, in native byte order. */
    private static void assertLayout(Path file, int np) throws Exception {
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.nativeOrder());
        assertEquals((long) N * np * 4, raw.capacity(), "size of " + file);
        for (int r = 0; r < np; r++) {
            for (int i = 0; i < N; i++) {
                int k = (i / B) * B * np + r * B + i % B;
                assertEquals(IoTwin.value(r, i), raw.getInt(k * 4), "file int " + k + " (rank " + r + ", int " + i + ")");
            }
        }
    }

    private static List<String> c(String mode, Path file) {
        return List.of(cTwin.toString(), mode, file.toString(), Integer.toString(N), Integer.toString(B));
    }

    private static List<String> java(String mode, Path file) {
        List<String> command = new ArrayList<>(Programs.java(IoTwin.class));
        command.addAll(List.of(mode, file.toString(), Integer.toString(N), Integer.toString(B)));
        return command;
    }
}
