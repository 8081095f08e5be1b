package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** The verdict rules on given repetition values: estimators, modes, agreement, margin. */
class AssessmentTest {
    private static final Target LATENCY = Targets.all().getFirst();
    private static final Target ARRAY_BW = new Target("bw", 1 << 20, Variant.JAVA_ARRAY, Variant.JAVA_SEGMENT,
            Metric.BANDWIDTH, 0.9);

    static Stats s(double... v) {
        List<Double> list = new ArrayList<>();
        for (double x : v) {
            list.add(x);
        }
        return Stats.of(list);
    }

    private static Assessment latency(Stats java, Stats c) {
        return Assessment.of(LATENCY, java, c);
    }

    @Test
    void targetsNameTheirPointComparisonAndGoal() {
        assertEquals("latency 8 B segment/C ≤ 1.20",
                LATENCY.label() + " " + LATENCY.comparison() + " " + LATENCY.goalText());
        assertEquals("bw 1 MiB array/segment ≥ 0.90",
                ARRAY_BW.label() + " " + ARRAY_BW.comparison() + " " + ARRAY_BW.goalText());
        assertEquals("barrier", Targets.of("barrier").getFirst().label());
    }

    @Test
    void allInTheFastModeIsDecidedByTheMinimums() {
        Assessment a = latency(s(0.150, 0.160, 0.155), s(0.160, 0.170, 0.165));
        assertEquals(Verdict.MET, a.verdict());
        assertEquals(Assessment.Cause.NONE, a.cause());
        assertEquals(0.150 / 0.160, a.bestRatio(), 1e-12);
        assertEquals(0.155 / 0.165, a.medianRatio(), 1e-12);
        assertEquals(0.150 / 0.165, a.lowRatio(), 1e-12);
        assertEquals(0.155 / 0.160, a.highRatio(), 1e-12);
        assertEquals("", a.why());
    }

    @Test
    void aClearMissWithinAModeIsNotMet() {
        Assessment a = latency(s(0.21, 0.22, 0.215), s(0.15, 0.16, 0.155));
        assertEquals(Verdict.NOT_MET, a.verdict());
        assertEquals(1.4, a.bestRatio(), 1e-12);
    }

    @Test
    void sidesSpanningBothModesWithTheirMinimumsInTheFastOneGetAVerdictAndANote() {
        Assessment a = latency(s(0.150, 0.450, 0.160), s(0.155, 0.460, 0.150));
        assertEquals(Verdict.MET, a.verdict());
        assertTrue(a.why().contains("Java(segment) spans 0.150–0.450 us (3.0x)") && a.why().contains("C spans"),
                a.why());
    }

    /** The quick run whose medians read 2.93: two of Java's jobs were slow, C's were not. */
    @Test
    void aBestThatNoSecondJobConfirmsIsNoisy() {
        Assessment a = latency(s(0.45, 0.44, 0.14), s(0.15, 0.16, 0.15));
        assertEquals(Verdict.NOISY, a.verdict());
        assertEquals(Assessment.Cause.UNCONFIRMED, a.cause());
        assertTrue(a.why().endsWith("Java(segment)'s two best repetitions, 0.140 and 0.440 us, are more than 1.25x "
                + "apart"), a.why());
        Assessment ok = latency(s(0.45, 0.15, 0.14), s(0.15, 0.16, 0.45));
        assertEquals(Verdict.MET, ok.verdict(), "one slow job a side does not matter");
    }

    /** Two quick runs on a loaded machine: allreduce 8 B, 5 or 6 repetitions each. */
    @Test
    void aLoneBestUnderLoadDoesNotDecide() {
        Assessment first = latency(s(0.398, 0.800, 69.364, 311.088, 351.638),
                s(0.303, 0.306, 0.324, 0.592, 0.687, 163.930));
        assertEquals(Assessment.Cause.UNCONFIRMED, first.cause(), first.why());
        Assessment second = latency(s(0.251, 0.308, 0.363, 0.770, 0.806, 2.844),
                s(0.325, 0.667, 0.760, 0.769, 0.935, 50.761));
        assertEquals(Assessment.Cause.UNCONFIRMED, second.cause(), second.why());
    }

    @Test
    void aVerdictThatASecondBestWouldChangeIsNoisy() {
        Assessment a = latency(s(0.18, 0.20, 0.5), s(0.16, 0.19, 0.5));
        assertEquals(Assessment.Cause.SPREAD, a.cause());
        assertTrue(a.why().contains("by second-best repetitions the ratio could be 0.95–1.25"), a.why());
    }

    @Test
    void threeSlowAgainstThreeFastMayBeLuck() {
        Assessment a = latency(s(0.45, 0.46, 0.47), s(0.15, 0.16, 0.155));
        assertEquals(Verdict.NOISY, a.verdict());
        assertEquals(Assessment.Cause.MODES, a.cause());
        assertTrue(a.why().contains("Java(segment) in the fast mode 0 of 3 times, C 3 of 3: luck 5.0%"), a.why());
    }

    @Test
    void fiveSlowAgainstFourFastIsBelieved() {
        Assessment a = latency(s(0.45, 0.46, 0.47, 0.45, 0.46), s(0.15, 0.16, 0.155, 0.45, 0.15));
        assertEquals(Verdict.NOT_MET, a.verdict());
        assertTrue(a.why().contains("C spans") && a.why().contains("0 of 5 times, C 4 of 5: luck 2.4%"), a.why());
        Assessment c = latency(s(0.45, 0.46, 0.47, 0.45, 0.46), s(0.15, 0.16, 0.45, 0.45, 0.15));
        assertEquals(Verdict.NOISY, c.verdict(), "0 of 5 against 3 of 5 is luck 8.3% of the time");
    }

    @Test
    void theSideBehindCanBeTheReference() {
        Assessment a = latency(s(0.15, 0.15, 0.16), s(0.45, 0.46, 0.45));
        assertEquals(Verdict.NOISY, a.verdict());
        assertTrue(a.why().startsWith("C in the fast mode 0 of 3 times, Java(segment) 3 of 3"), a.why());
    }

    @Test
    void aRatioOnTheGoalIsTooCloseToCall() {
        Assessment a = latency(s(0.188, 0.19, 0.19), s(0.160, 0.161, 0.161));
        assertEquals(1.175, a.bestRatio(), 1e-3);
        assertEquals(Assessment.Cause.MARGIN, a.cause());
        assertTrue(a.why().contains("within 5% of the goal"), a.why());
    }

    @Test
    void tooFewRepetitionsOrAZeroReferenceAreNoisy() {
        assertEquals(Assessment.Cause.TOO_FEW, latency(s(0.15), s(0.15, 0.16)).cause());
        assertEquals(Assessment.Cause.TOO_FEW, latency(new Stats(0.15, 0.15, 0.15, 3), s(0.15, 0.16)).cause());
        assertEquals(Assessment.Cause.ZERO, latency(s(0.01, 0.01), s(0.0, 0.0)).cause());
    }

    @Test
    void onlyModesAndEstimatorsAskForMoreRepetitions() {
        assertTrue(Assessment.Cause.MODES.moreRepetitionsMayDecide());
        assertTrue(Assessment.Cause.SPREAD.moreRepetitionsMayDecide());
        assertTrue(Assessment.Cause.UNCONFIRMED.moreRepetitionsMayDecide());
        assertTrue(!Assessment.Cause.MARGIN.moreRepetitionsMayDecide());
        assertTrue(!Assessment.Cause.TOO_FEW.moreRepetitionsMayDecide());
    }

    @Test
    void bandwidthIsDecidedByTheMaximumsAndHigherIsBetter() {
        Assessment met = Assessment.of(ARRAY_BW, s(9800, 10100, 9900), s(10000, 10300, 10200));
        assertEquals(Verdict.MET, met.verdict());
        assertEquals(10100.0 / 10300, met.bestRatio(), 1e-12);
        assertEquals(9900.0 / 10200, met.medianRatio(), 1e-12);
        assertEquals(9900.0 / 10300, met.lowRatio(), 1e-12);
        assertEquals(Verdict.NOT_MET, Assessment.of(ARRAY_BW, s(7400, 7500, 7600), s(10000, 10300, 10200)).verdict());
        assertEquals(Assessment.Cause.MARGIN,
                Assessment.of(ARRAY_BW, s(9200, 9300, 9250), s(10000, 10100, 10050)).cause());
        Assessment lucky = Assessment.of(ARRAY_BW, s(9800, 7000, 7100), s(10000, 10300, 10200));
        assertEquals(Assessment.Cause.UNCONFIRMED, lucky.cause(), "one lucky job does not decide");
        Assessment halved = Assessment.of(ARRAY_BW, s(5000, 5100, 5050), s(10000, 10300, 10200));
        assertEquals(Assessment.Cause.MODES, halved.cause());
        assertTrue(halved.why().startsWith("Java(array) in the fast mode 0 of 3 times"), halved.why());
    }

    /**
     * Every way 5 repetitions of Java and 5 of C can fall into the fast mode (0.15 us, with a
     * little jitter) or the slow one (0.30 us more) when Java truly costs {@code factor}
     * times C: the verdicts that come out, leaving out the mode patterns {@code skip} names
     * (slow repetitions of Java, of C).
     */
    private static Set<Verdict> verdictsOverAllModes(double factor, BiPredicate<Integer, Integer> skip) {
        Set<Verdict> seen = EnumSet.noneOf(Verdict.class);
        double[] jitter = {1.0, 1.02, 1.04, 1.01, 1.03};
        for (int j = 0; j < 32; j++) {
            for (int c = 0; c < 32; c++) {
                if (skip.test(Integer.bitCount(j), Integer.bitCount(c))) {
                    continue;
                }
                double[] java = new double[5];
                double[] cv = new double[5];
                for (int r = 0; r < 5; r++) {
                    java[r] = (0.15 * factor + ((j >> r & 1) == 1 ? 0.30 : 0)) * jitter[r];
                    cv[r] = (0.15 + ((c >> r & 1) == 1 ? 0.30 : 0)) * jitter[4 - r];
                }
                seen.add(latency(s(java), s(cv)).verdict());
            }
        }
        return seen;
    }

    @Test
    void anEqualJavaIsNotMetOnlyIfAllItsRepetitionsWereSlowAndAtMostOneOfCs() {
        assertEquals(EnumSet.of(Verdict.MET, Verdict.NOISY),
                verdictsOverAllModes(1.0, (javaSlow, cSlow) -> javaSlow == 5 && cSlow <= 1));
        assertTrue(verdictsOverAllModes(1.0, (javaSlow, cSlow) -> false).contains(Verdict.NOT_MET));
    }

    @Test
    void aJavaTwoAndAHalfTimesSlowerIsMetOnlyIfAllOfCsRepetitionsWereSlow() {
        assertEquals(EnumSet.of(Verdict.NOT_MET, Verdict.NOISY),
                verdictsOverAllModes(2.5, (javaSlow, cSlow) -> cSlow == 5));
    }
}
