package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PNGs come out headless: a line chart for sizes, a bar chart for one size. */
class PlotterTest {
    @Test
    void writesOnePngPerBenchmark(@TempDir Path dir) throws IOException {
        Results r = new Results(MpiLibrary.MPICH);
        Benchmark lat = Benchmarks.named("latency");
        r.add(lat, OsuOutput.parse("# jmpi bench=latency impl=c buffer=native\n1 0.4\n8 0.5\n1024 1.5\n"));
        r.add(lat, OsuOutput.parse("# jmpi bench=latency impl=java buffer=segment\n1 0.5\n8 0.6\n1024 1.9\n"));
        Benchmark barrier = Benchmarks.named("barrier");
        r.add(barrier, OsuOutput.parse("# jmpi bench=barrier impl=c buffer=native\n0 0.8\n"));
        r.add(barrier, OsuOutput.parse("# jmpi bench=barrier impl=java buffer=segment\n0 0.9\n"));
        List<Path> files = Plotter.plot(r.rows(), dir);
        assertEquals(List.of(dir.resolve("latency.png"), dir.resolve("barrier.png")), files);
        for (Path f : files) {
            byte[] head = Arrays.copyOf(Files.readAllBytes(f), 8);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, head, f.toString());
            BufferedImage img = ImageIO.read(f.toFile());
            assertEquals(900, img.getWidth());
            assertEquals(560, img.getHeight());
        }
        assertTrue(Files.size(dir.resolve("latency.png")) > 5000);
    }

    @Test
    void rowsOfTwoMpisGetAPngPerBenchmarkAndMpi(@TempDir Path dir) throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        for (MpiLibrary mpi : MpiLibrary.values()) {
            Results r = new Results(mpi);
            r.add(Benchmarks.named("barrier"), OsuOutput.parse("# jmpi bench=barrier impl=c buffer=native\n0 0.8\n"));
            rows.addAll(r.rows());
        }
        assertEquals(List.of(dir.resolve("barrier-openmpi.png"), dir.resolve("barrier-mpich.png")),
                Plotter.plot(rows, dir));
    }
}
