package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Aggregation over repetitions, the ratios, the CSV and the OSU table. */
class ResultsTest {
    private static final Benchmark LATENCY = Benchmarks.named("latency");
    private static final Benchmark BW = Benchmarks.named("bw");

    private static String latency(String impl, String buffer, double v1, double v8) {
        return "# jmpi bench=latency impl=" + impl + " buffer=" + buffer + "\n1 " + v1 + "\n8 " + v8 + "\n";
    }

    /** Three repetitions of C and Java(segment), and one Java(array) run without size 8. */
    private static Results sample() {
        Results r = new Results(MpiLibrary.OPENMPI);
        r.add(LATENCY, OsuOutput.parse(latency("java", "segment", 0.6, 0.7)));
        r.add(LATENCY, OsuOutput.parse(latency("c", "native", 0.4, 0.5)));
        r.add(LATENCY, OsuOutput.parse(latency("c", "native", 0.2, 0.3)));
        r.add(LATENCY, OsuOutput.parse(latency("java", "segment", 0.9, 0.4)));
        r.add(LATENCY, OsuOutput.parse(latency("java", "segment", 0.3, 0.55)));
        r.add(LATENCY, OsuOutput.parse(latency("c", "native", 0.3, 0.25)));
        r.add(LATENCY, OsuOutput.parse("# jmpi bench=latency impl=java buffer=array\n1 1.2\n"));
        r.add(BW, OsuOutput.parse("# jmpi bench=bw impl=c buffer=native\n1048576 10000\n"));
        r.add(BW, OsuOutput.parse("# jmpi bench=bw impl=java buffer=segment\n1048576 9000\n"));
        return r;
    }

    @Test
    void oneRowPerVariantAndSizeWithMedianMinMaxAndRatio() {
        List<ResultRow> rows = sample().rows();
        assertEquals(7, rows.size());
        ResultRow c1 = rows.get(0);
        assertEquals("latency c native 1", c1.benchmark() + " " + c1.impl() + " " + c1.buffer() + " " + c1.size());
        assertEquals(new Stats(0.3, 0.2, 0.4, 3, List.of(0.2, 0.3, 0.4)), c1.stats());
        assertEquals(1.0, c1.ratioToC(), 1e-12);
        ResultRow seg8 = rows.get(3);
        assertEquals(Variant.JAVA_SEGMENT, seg8.variant());
        assertEquals(8, seg8.size());
        assertEquals(0.55, seg8.stats().median(), 1e-12);
        assertEquals(0.55 / 0.3, seg8.ratioToC(), 1e-12);
        ResultRow array1 = rows.get(4);
        assertEquals(Variant.JAVA_ARRAY, array1.variant());
        assertEquals(1.2 / 0.3, array1.ratioToC(), 1e-12);
        ResultRow bwJava = rows.get(6);
        assertEquals(Metric.BANDWIDTH, bwJava.metric());
        assertEquals(0.9, bwJava.ratioToC(), 1e-12);
    }

    @Test
    void ratioIsNaNWithoutC() {
        Results r = new Results(MpiLibrary.MPICH);
        r.add(BW, OsuOutput.parse("# jmpi bench=bw impl=java buffer=array\n4 5\n"));
        assertTrue(Double.isNaN(r.rows().getFirst().ratioToC()));
    }

    @Test
    void refusesAnotherBenchmarksOutput() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Results(MpiLibrary.OPENMPI).add(BW, OsuOutput.parse(latency("c", "native", 1, 2))));
        assertTrue(e.getMessage().contains("latency"), e.getMessage());
    }

    @Test
    void csvHasTheColumnsAndRoundTrips() {
        List<ResultRow> rows = sample().rows();
        String csv = ResultsCsv.format(rows);
        List<String> lines = csv.lines().toList();
        assertEquals(ResultsCsv.HEADER, lines.get(0));
        assertEquals("openmpi,latency,c,native,1,latency,us,0.300,0.200,0.400,3,1.000,0.200;0.300;0.400", lines.get(1));
        assertEquals("openmpi,latency,java,segment,8,latency,us,0.550,0.400,0.700,3,1.833,0.400;0.550;0.700",
                lines.get(4));
        assertEquals("openmpi,bw,java,segment,1048576,bandwidth,MB/s,9000.000,9000.000,9000.000,1,0.900,9000.000",
                lines.get(7));
        List<ResultRow> back = ResultsCsv.parse(csv);
        assertEquals(rows.size(), back.size());
        assertEquals(rows.get(4).stats(), back.get(4).stats());
        assertEquals(rows.get(4).ratioToC(), back.get(4).ratioToC(), 1e-3);
    }

    @Test
    void csvWithoutCRatioLeavesTheFieldEmptyAndReadsBackAsNaN() {
        Results r = new Results(MpiLibrary.MPICH);
        r.add(BW, OsuOutput.parse("# jmpi bench=bw impl=java buffer=array\n4 5\n"));
        String csv = ResultsCsv.format(r.rows());
        assertTrue(csv.contains(",1,,5.000\n"), csv);
        assertTrue(Double.isNaN(ResultsCsv.parse(csv).getFirst().ratioToC()));
        assertTrue(csv.startsWith(ResultsCsv.HEADER + "\nmpich,bw,java,array,4,"), csv);
        assertEquals(MpiLibrary.MPICH, ResultsCsv.parse(csv).getFirst().mpi());
    }

    @Test
    void csvWithoutTheMpiOrValuesColumnReadsAsOpenMpiWithNoValues() {
        List<ResultRow> rows = ResultsCsv.parse("benchmark,impl,buffer,size,metric,unit,median,min,max,reps,ratio_to_c\n"
                + "latency,c,native,1,latency,us,0.300,0.200,0.400,3,1.000\n");
        assertEquals(1, rows.size());
        assertEquals(MpiLibrary.OPENMPI, rows.getFirst().mpi());
        assertEquals(new Stats(0.3, 0.2, 0.4, 3), rows.getFirst().stats());
        List<ResultRow> mpich = ResultsCsv.parse("mpi,benchmark,impl,buffer,size,metric,unit,median,min,max,reps,ratio_to_c\n"
                + "mpich,latency,c,native,1,latency,us,0.300,0.200,0.400,3,1.000\n");
        assertEquals(List.of(), mpich.getFirst().stats().values());
        assertEquals(MpiLibrary.MPICH, mpich.getFirst().mpi());
        var e = assertThrows(IllegalArgumentException.class,
                () -> ResultsCsv.parse(ResultsCsv.HEADER + "\nmvapich,latency,c,native,1,latency,us,1,1,1,1,,1\n"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("mvapich"), e.getMessage());
    }

    @Test
    void csvParserNamesBadLines() {
        assertThrows(IllegalArgumentException.class, () -> ResultsCsv.parse("size,value\n"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> ResultsCsv.parse(ResultsCsv.HEADER + "\nopenmpi,latency,c,native,x,latency,us,1,1,1,1,,1\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        var counts = assertThrows(IllegalArgumentException.class,
                () -> ResultsCsv.parse(ResultsCsv.HEADER + "\nopenmpi,latency,c,native,8,latency,us,1,1,1,2,,1\n"));
        assertTrue(counts.getMessage().contains("2 repetitions but 1 values"), counts.getMessage());
    }

    @Test
    void tableHasOsuLayoutWithRatios() {
        String table = OsuTable.format(sample().rows());
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).startsWith("# latency on Open MPI: latency (us), median of 3 runs"), lines.get(0));
        assertTrue(lines.get(0).endsWith("lower is better"), lines.get(0));
        assertEquals(List.of("#", "Size", "C", "Java(segment)", "Java(array)", "ratio(segment)", "ratio(array)"),
                List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(List.of("1", "0.30", "0.60", "1.20", "2.00", "4.00"), List.of(lines.get(2).trim().split("\\s+")));
        assertEquals(List.of("8", "0.30", "0.55", "-", "1.83", "-"), List.of(lines.get(3).trim().split("\\s+")));
        assertTrue(table.contains("# bw on Open MPI: bandwidth (MB/s), median of 1 run; ratio = Java/C, higher is better"), table);
    }

    @Test
    void theMpiPackageSitsBesideJmpiApiWithItsRatiosToCAndToItsTwin() {
        Results r = new Results(MpiLibrary.OPENMPI);
        // added out of order: rows and columns follow Variant.ORDER
        r.add(LATENCY, OsuOutput.parse(latency("jni", "array", 0.8, 0.8)));
        r.add(LATENCY, OsuOutput.parse(latency("mpi", "direct", 0.44, 0.33)));
        r.add(LATENCY, OsuOutput.parse(latency("c", "native", 0.2, 0.25)));
        r.add(LATENCY, OsuOutput.parse(latency("java", "segment", 0.4, 0.3)));
        r.add(LATENCY, OsuOutput.parse(latency("mpi", "array", 0.6, 0.6)));
        r.add(LATENCY, OsuOutput.parse(latency("java", "array", 0.5, 0.5)));
        r.add(LATENCY, OsuOutput.parse(latency("jni", "direct", 0.3, 0.3)));
        assertEquals(List.of(Variant.C, Variant.JAVA_SEGMENT, Variant.JAVA_ARRAY, Variant.MPI_DIRECT, Variant.MPI_ARRAY,
                Variant.JNI_DIRECT, Variant.JNI_ARRAY),
                r.rows().stream().map(ResultRow::variant).distinct().toList());
        List<String> lines = OsuTable.format(r.rows()).lines().toList();
        assertTrue(lines.get(0).endsWith("; ratio(x) = x/C, mpi-x/y = package mpi on jmpi / jmpi-api, lower is better"),
                lines.get(0));
        assertEquals(List.of("#", "Size", "C", "Java(segment)", "Java(array)", "mpi(direct)", "mpi(array)",
                "JNI(direct)", "JNI(array)", "ratio(segment)", "ratio(array)", "ratio(mpi-direct)", "ratio(mpi-array)",
                "ratio(jni-direct)", "ratio(jni-array)", "mpi-direct/segment", "mpi-array/array"),
                List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(List.of("1", "0.20", "0.40", "0.50", "0.44", "0.60", "0.30", "0.80", "2.00", "2.50", "2.20",
                "3.00", "1.50", "4.00", "1.10", "1.20"), List.of(lines.get(2).trim().split("\\s+")));
        // columns stay aligned under headings wider than the numbers
        assertEquals(lines.get(1).length(), lines.get(2).length());
    }

    @Test
    void jniAloneGetsRatiosToCButNoTwinColumn() {
        Results r = new Results(MpiLibrary.OPENMPI);
        r.add(BW, OsuOutput.parse("# jmpi bench=bw impl=c buffer=native\n1048576 10000\n"));
        r.add(BW, OsuOutput.parse("# jmpi bench=bw impl=jni buffer=direct\n1048576 9000\n"));
        List<String> lines = OsuTable.format(r.rows()).lines().toList();
        assertTrue(lines.get(0).endsWith("; ratio(x) = x/C, higher is better"), lines.get(0));
        assertEquals(List.of("#", "Size", "C", "JNI(direct)", "ratio(jni-direct)"),
                List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(List.of("1048576", "10000.00", "9000.00", "0.90"), List.of(lines.get(2).trim().split("\\s+")));
    }
}
