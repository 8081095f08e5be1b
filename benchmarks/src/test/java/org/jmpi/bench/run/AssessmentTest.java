package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The verdict rules on given repetition values: estimators, modes, agreement, margin. */
class AssessmentTest {
    private static final Target LATENCY = Targets.all().getFirst();
    private static final Target ARRAY_BW = new Target("bw", 1 << 20, Variant.JAVA_ARRAY, Variant.JAVA_SEGMENT,
            Metric.BANDWIDTH, 0.9);

    private static Stats s(double... v) {
        List<Double> list = new ArrayList<>();
        for (double x : v) {
            list.add(x);
        }
        return Stats.of(list);
    }

    @Test
    void theFirstTargetIsSegmentLatencyAgainstC() {
        assertEquals("latency 8 B", LATENCY.label());
        assertEquals("segment/C", LATENCY.comparison());
        assertEquals("≤ 1.20", LATENCY.goalText());
        assertEquals("≥ 0.90", ARRAY_BW.goalText());
        assertEquals("array/segment", ARRAY_BW.comparison());
    }

    @Test
    void allInTheFastModeIsDecidedByTheMinimums() {
        Assessment a = Assessment.of(LATENCY, s(0.150, 0.160, 0.155), s(0.160, 0.170, 0.165));
        assertEquals(Verdict.MET, a.verdict());
        assertEquals(0.150 / 0.160, a.bestRatio(), 1e-12);
        assertEquals(0.155 / 0.165, a.medianRatio(), 1e-12);
        assertEquals(a.bestRatio(), a.ratio());
        assertEquals("", a.why());
    }

    @Test
    void aClearMissIsNotMet() {
        Assessment a = Assessment.of(LATENCY, s(0.21, 0.22, 0.215), s(0.15, 0.16, 0.155));
        assertEquals(Verdict.NOT_MET, a.verdict());
        assertEquals(1.4, a.ratio(), 1e-12);
    }

    @Test
    void bothSidesSpanningButMinimumsInTheFastModeIsAVerdictWithANote() {
        Assessment a = Assessment.of(LATENCY, s(0.150, 0.450, 0.160), s(0.155, 0.460, 0.150));
        assertEquals(Verdict.MET, a.verdict());
        assertTrue(a.why().contains("Java(segment) spans 0.150–0.450 us (3.0x)"), a.why());
        assertTrue(a.why().contains("C spans"), a.why());
    }

    /** The quick run that read 2.93: the medians of Java sat in the slow mode, C's in the fast one. */
    @Test
    void minimumAndMedianOnDifferentSidesIsNoisy() {
        Assessment a = Assessment.of(LATENCY, s(0.45, 0.44, 0.14), s(0.15, 0.16, 0.15));
        assertEquals(Verdict.NOISY, a.verdict());
        assertTrue(a.why().contains("min and median fall on different sides"), a.why());
    }

    @Test
    void aSideThatNeverReachedTheFastModeWhileTheOtherSwitchedIsNoisy() {
        Assessment a = Assessment.of(LATENCY, s(0.45, 0.46, 0.47), s(0.15, 0.45, 0.16));
        assertEquals(Verdict.NOISY, a.verdict());
        assertTrue(a.why().contains("C spans") && a.why().contains("different modes"), a.why());
    }

    @Test
    void aRatioOnTheGoalIsTooCloseToCall() {
        Assessment a = Assessment.of(LATENCY, s(0.188, 0.19, 0.19), s(0.160, 0.161, 0.161));
        assertEquals(1.175, a.ratio(), 1e-3);
        assertEquals(Verdict.NOISY, a.verdict());
        assertTrue(a.why().contains("within 5% of the goal"), a.why());
    }

    @Test
    void oneRepetitionIsNoisy() {
        Assessment a = Assessment.of(LATENCY, s(0.15), s(0.15, 0.16));
        assertEquals(Verdict.NOISY, a.verdict());
        assertTrue(a.why().contains("fewer than 2 repetitions"), a.why());
    }

    @Test
    void aReferenceOfZeroIsNoisy() {
        assertEquals(Verdict.NOISY, Assessment.of(LATENCY, s(0.01, 0.01), s(0.0, 0.0)).verdict());
    }

    @Test
    void bandwidthIsDecidedByTheMediansAndHigherIsBetter() {
        Assessment met = Assessment.of(ARRAY_BW, s(9800, 10100, 9900), s(10000, 10300, 10200));
        assertEquals(Verdict.MET, met.verdict());
        assertEquals(9900.0 / 10200, met.ratio(), 1e-12);
        assertEquals(10100.0 / 10300, met.bestRatio(), 1e-12);
        Assessment missed = Assessment.of(ARRAY_BW, s(6400, 6500, 6600), s(10000, 10300, 10200));
        assertEquals(Verdict.NOT_MET, missed.verdict());
        Assessment close = Assessment.of(ARRAY_BW, s(9200, 9300, 9250), s(10000, 10100, 10050));
        assertEquals(Verdict.NOISY, close.verdict());
    }

    @Test
    void spreadIsMaxOverMin() {
        assertEquals(3.0, s(0.15, 0.45, 0.2).spread(), 1e-12);
        assertEquals(1.0, s(0.0, 0.0).spread());
        assertEquals(Double.POSITIVE_INFINITY, s(0.0, 1.0).spread());
        assertEquals(0.15, s(0.15, 0.45).best(Metric.LATENCY));
        assertEquals(0.45, s(0.15, 0.45).best(Metric.BANDWIDTH));
    }

    /**
     * Every way 3 repetitions of Java and 3 of C can fall into the fast mode (0.15 us, with a
     * little jitter) or the slow one (0.30 us more) when Java truly costs {@code factor}
     * times C: the verdicts that come out.
     */
    private static Set<Verdict> verdictsOverAllModes(double factor, boolean excludeJavaAllSlowAndCAllFast,
                                                      boolean excludeCAllSlow) {
        Set<Verdict> seen = EnumSet.noneOf(Verdict.class);
        double[] jitter = {1.0, 1.02, 1.04};
        for (int j = 0; j < 8; j++) {
            for (int c = 0; c < 8; c++) {
                if (excludeJavaAllSlowAndCAllFast && j == 7 && c == 0 || excludeCAllSlow && c == 7) {
                    continue;
                }
                double[] java = new double[3];
                double[] cv = new double[3];
                for (int r = 0; r < 3; r++) {
                    java[r] = (0.15 * factor + ((j >> r & 1) == 1 ? 0.30 : 0)) * jitter[r];
                    cv[r] = (0.15 + ((c >> r & 1) == 1 ? 0.30 : 0)) * jitter[2 - r];
                }
                seen.add(Assessment.of(LATENCY, s(java), s(cv)).verdict());
            }
        }
        return seen;
    }

    @Test
    void anEqualJavaIsNeverNotMetUnlessAllItsRepetitionsStayedSlowAndAllOfCsFast() {
        assertEquals(EnumSet.of(Verdict.MET, Verdict.NOISY), verdictsOverAllModes(1.0, true, false));
        assertTrue(verdictsOverAllModes(1.0, false, false).contains(Verdict.NOT_MET));
    }

    @Test
    void aTwiceSlowerJavaIsNeverMetUnlessAllOfCsRepetitionsStayedSlow() {
        assertEquals(EnumSet.of(Verdict.NOT_MET, Verdict.NOISY), verdictsOverAllModes(2.0, false, true));
    }
}
