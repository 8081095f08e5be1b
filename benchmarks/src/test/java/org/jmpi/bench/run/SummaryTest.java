package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.md's targets and verdicts, the JMH rows and the C reference's output. */
class SummaryTest {
    /** Captured from {@code benchmarks/target/c-bin/call_cost}. */
    static final String C_COSTS = """
            # call_cost (C): ns per call, median of 5 runs of 2000000 calls (sendrecv: 200000)
            commRank                  2.671
            wtime                    22.208
            barrierSelf               3.532
            selfSendrecv            152.010
            """;

    private static void add(Results r, String bench, String impl, String buffer, String lines) {
        r.add(Benchmarks.named(bench), OsuOutput.parse("# jmpi bench=" + bench + " impl=" + impl + " buffer=" + buffer
                + "\n" + lines));
    }

    @Test
    void targetsComeFromTheRowsWithBestAndMedianAndAVerdict() {
        Results r = new Results(MpiLibrary.MPICH);
        for (String[] rep : new String[][] {{"0.150", "0.160", "0.300"}, {"0.450", "0.150", "0.310"},
                                            {"0.155", "0.158", "0.305"}}) {
            add(r, "latency", "c", "native", "8 " + rep[0] + "\n");
            add(r, "latency", "java", "segment", "8 " + rep[1] + "\n");
            add(r, "latency", "java", "array", "8 " + rep[2] + "\n");
        }
        add(r, "bw", "c", "native", "4194304 8000\n");
        add(r, "bw", "java", "segment", "4194304 7600\n");
        String md = Summary.format(r.rows(), "Run X.", List.of("bw C rep 1/3: timed out"), MpiLibrary.MPICH,
                List.of(), Map.of());
        assertTrue(md.contains("Run X."), md);
        assertTrue(md.contains("## Targets on MPICH (OSU-style, np=2, bound to cores)"), md);
        assertTrue(md.contains("| target | goal | measured min / median | reference min / median "
                + "| ratio of min / of median | verdict | why |"), md);
        assertTrue(md.contains("| latency 8 B | segment/C ≤ 1.20 | 0.150 / 0.158 | 0.150 / 0.155 | **1.00** / 1.02 "
                + "| met | C spans 0.150–0.450 us (3.0x) |"), md);
        assertTrue(md.contains("| latency 8 B | array/segment ≤ 1.20 | 0.300 / 0.305 | 0.150 / 0.158 | **2.00** / 1.93 "
                + "| **noisy** | Java(array) in the fast mode 0 of 3 times, Java(segment) 3 of 3: luck 5.0% of the time "
                + "if alike |"), md);
        assertTrue(md.contains("| bw 4 MiB | segment/C ≥ 0.90 | 7600 / 7600 | 8000 / 8000 | **0.95** / 0.95 "
                + "| **noisy** | fewer than 2 repetitions: no mode can be seen |"), md);
        assertTrue(md.contains("Verdicts: 1 met, 0 not met, 2 noisy. Not measured in this run: bw 1 MiB segment/C,"), md);
        assertTrue(md.contains("barrier segment/C"), md);
        assertTrue(md.contains("## Failed jobs\n\n- bw C rep 1/3: timed out"), md);
        assertTrue(md.contains("## How the verdicts are decided"), md);
        assertTrue(md.indexOf("## How the verdicts") > md.indexOf("## Failed jobs"), md);
        List<Assessment> undecided = TargetTable.undecided("latency", r.rows());
        assertEquals(List.of("array/segment"), undecided.stream().map(a -> a.target().comparison()).toList());
        assertEquals(List.of(), TargetTable.undecided("bw", r.rows()), "one repetition: more rounds would not run");
    }

    @Test
    void theMpiPackageIsJudgedAgainstItsJmpiApiTwinWithinTenPercent() {
        Results r = new Results(MpiLibrary.OPENMPI);
        for (String[] rep : new String[][] {{"0.200", "0.204", "0.300", "0.320"}, {"0.201", "0.206", "0.301", "0.321"},
                                            {"0.202", "0.205", "0.302", "0.322"}}) {
            add(r, "latency", "java", "segment", "8 " + rep[0] + "\n");
            add(r, "latency", "mpi", "direct", "8 " + rep[1] + "\n");
            add(r, "latency", "java", "array", "8 " + rep[2] + "\n");
            add(r, "latency", "mpi", "array", "8 " + rep[2] + "\n");
            add(r, "latency", "jni", "direct", "8 " + rep[3] + "\n");
        }
        for (String v : new String[] {"7000", "7010", "7020"}) {
            add(r, "bw", "java", "segment", "1048576 " + v + "\n");
            add(r, "bw", "mpi", "direct", "1048576 " + (Double.parseDouble(v) * 0.8) + "\n");
        }
        String md = Summary.format(r.rows(), "", List.of(), MpiLibrary.OPENMPI, List.of(), Map.of());
        assertTrue(md.contains("| latency 8 B | mpi-direct/segment ≤ 1.10 | 0.204 / 0.205 | 0.200 / 0.201 | **1.02** "
                + "/ 1.02 | met |"), md);
        assertTrue(md.contains("| latency 8 B | mpi-array/array ≤ 1.10 | 0.300 / 0.301 | 0.300 / 0.301 | **1.00** "
                + "/ 1.00 | met |"), md);
        assertTrue(md.contains("| bw 1 MiB | mpi-direct/segment ≥ 0.91 | 5616 / 5608 | 7020 / 7010 | **0.80** / 0.80 "
                + "| **not met** |"), md);
        assertTrue(md.contains("allreduce 8 B mpi-direct/segment, allreduce 8 B mpi-array/array"), md);
        assertTrue(!md.contains("jni-direct/"), "JNI is a reference for the reader, not a target: " + md);
    }

    @Test
    void noRowsNoTargetsAndNoRules() {
        String md = Summary.format(List.of(), "", List.of(), MpiLibrary.OPENMPI, List.of(), Map.of());
        assertTrue(!md.contains("## Targets") && !md.contains("## How the verdicts"), md);
    }

    @Test
    void jmhRowsSitBesideTheCReference() {
        List<CallCosts.JmhRow> jmh = CallCosts.parseJmh(CallCosts.formatJmh(List.of(
                new CallCosts.JmhRow("wtime", 44.416, 1.5, 0.0),
                new CallCosts.JmhRow("selfSendrecvArray", 304.02, Double.NaN, 16.0),
                new CallCosts.JmhRow("dsmPut[DIRECT]", 20.0, 0.5, Double.NaN))));
        assertEquals(3, jmh.size());
        assertTrue(Double.isNaN(jmh.get(1).errorNs()));
        Map<String, Double> c = CallCosts.parseC(C_COSTS);
        assertEquals(List.of("commRank", "wtime", "barrierSelf", "selfSendrecv"), List.copyOf(c.keySet()));
        assertEquals(152.010, Summary.cReference(c, "selfSendrecvArray"), 1e-9);
        assertNull(Summary.cReference(c, "dsmPut[DIRECT]"));
        String md = Summary.format(List.of(), "", List.of(), MpiLibrary.OPENMPI, jmh, c);
        assertTrue(md.contains("## Single-process costs on Open MPI (JMH"), md);
        assertTrue(md.contains("| wtime | 44.4 | 1.5 | 22.2 | 2.00 | 0.0 |"), md);
        assertTrue(md.contains("| selfSendrecvArray | 304.0 | - | 152.0 | 2.00 | 16.0 |"), md);
        assertTrue(md.contains("| dsmPut[DIRECT] | 20.0 | 0.5 | - | - | - |"), md);
    }

    @Test
    void malformedCostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CallCosts.parseC("wtime 1 2\n"));
        assertThrows(IllegalArgumentException.class, () -> CallCosts.parseJmh("benchmark,score\n"));
        assertThrows(IllegalArgumentException.class,
                () -> CallCosts.parseJmh(CallCosts.JMH_HEADER + "\nwtime,abc,1,0\n"));
    }

    @Test
    void sizesReadAsBytesKibAndMib() {
        assertEquals("8 B", Summary.size(8));
        assertEquals("16 KiB", Summary.size(16384));
        assertEquals("4 MiB", Summary.size(4L << 20));
        assertEquals("1536 B", Summary.size(1536));
    }
}
