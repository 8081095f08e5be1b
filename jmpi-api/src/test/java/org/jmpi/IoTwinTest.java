package org.jmpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import java.util.stream.Stream;

import org.jmpi.test.CPrograms;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.Programs;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link IoTwin} against its C twin {@code jmpi-api/src/main/c/io_twin.c} (built by
 * {@code native-scripts/build-c} with the same MPI's mpicc), both under that MPI's launcher: each writes a file through the
 * same strided view, the other reads it back through the view, the two files are
 * byte for byte the same, and their raw bytes hold every rank's ints where the view puts
 * them.
 */
class IoTwinTest {
    private static final int N = 3000;
    private static final int B = 25;
    private static final int TIMEOUT_SECONDS = 120;

    @TempDir
    Path tmp;

    static Stream<Arguments> runs() {
        return Programs.runs(1, 2, 4);
    }

    @ParameterizedTest(name = "np={0} {1}")
    @MethodSource("runs")
    void javaAndCWriteAndReadTheSameFile(int np, MpiLauncher mpi) throws Exception {
        Path fromC = tmp.resolve("from-c.dat");
        Path fromJava = tmp.resolve("from-java.dat");
        String summary = " " + (long) N * np + " ints in blocks of " + B + " from " + np + " ranks: ok\n";

        assertEquals("wrote" + summary, Programs.mpirun(mpi, np, c(mpi, "write", fromC), TIMEOUT_SECONDS));
        assertLayout(fromC, np);
        assertEquals("checked" + summary, Programs.mpirun(mpi, np, java(mpi, "read", fromC), TIMEOUT_SECONDS));

        assertEquals("wrote" + summary, Programs.mpirun(mpi, np, java(mpi, "write", fromJava), TIMEOUT_SECONDS));
        assertLayout(fromJava, np);
        assertEquals("checked" + summary, Programs.mpirun(mpi, np, c(mpi, "read", fromJava), TIMEOUT_SECONDS));
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

    private static List<String> c(MpiLauncher mpi, String mode, Path file) throws Exception {
        return CPrograms.command(mpi, "jmpi-api", "io_twin", args(mode, file));
    }

    private static List<String> java(MpiLauncher mpi, String mode, Path file) {
        return Programs.java(mpi, IoTwin.class, args(mode, file));
    }

    private static List<String> args(String mode, Path file) {
        return List.of(mode, file.toString(), Integer.toString(N), Integer.toString(B));
    }
}
