package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** summary.md's targets, the JMH rows and the C reference's output. */
class SummaryTest {
    /** Captured from {@code benchmarks/target/c-bin/call_cost}. */
    static final String C_COSTS = """
            # call_cost (C): ns per call, median of 5 runs of 2000000 calls (sendrecv: 200000)
            commRank                  2.671
            wtime                    22.208
            barrierSelf               3.532
            selfSendrecv            152.010
            """;

    @Test
    void targetsComeFromTheRows() {
        Results r = new Results(MpiLibrary.MPICH);
        Benchmark lat = Benchmarks.named("latency");
        r.add(lat, OsuOutput.parse("# jmpi bench=latency impl=c buffer=native\n8 0.50\n"));
        r.add(lat, OsuOutput.parse("# jmpi bench=latency impl=java buffer=segment\n8 0.60\n"));
        r.add(lat, OsuOutput.parse("# jmpi bench=latency impl=java buffer=array\n8 0.75\n"));
        Benchmark bw = Benchmarks.named("bw");
        r.add(bw, OsuOutput.parse("# jmpi bench=bw impl=c buffer=native\n4194304 8000\n"));
        r.add(bw, OsuOutput.parse("# jmpi bench=bw impl=java buffer=segment\n4194304 7600\n"));
        String md = Summary.format(r.rows(), "Run X.", List.of("bw C rep 1/3: timed out"), MpiLibrary.MPICH,
                List.of(), Map.of());
        assertTrue(md.contains("Run X."), md);
        assertTrue(md.contains("## Targets on MPICH (OSU-style, np=2, bound to cores)"), md);
        assertTrue(md.contains("| small-message latency | latency | 8 B | 0.50 us | 0.60 us | 1.20 | 0.75 us | 1.50 |"),
                md);
        assertTrue(md.contains("| large-message bandwidth | bw | 4 MiB | 8000.00 MB/s | 7600.00 MB/s | 0.95 | - | - |"),
                md);
        assertTrue(!md.contains("| allreduce |"), "no allreduce rows without results: " + md);
        assertTrue(md.contains("## Failed jobs\n\n- bw C rep 1/3: timed out"), md);
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
