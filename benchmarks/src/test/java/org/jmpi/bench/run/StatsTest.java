package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Median, minimum, maximum and the Java/C ratio. */
class StatsTest {
    @Test
    void oddCountTakesTheMiddleValue() {
        Stats s = Stats.of(List.of(3.0, 1.0, 2.0, 10.0, 4.0));
        assertEquals(3.0, s.median());
        assertEquals(1.0, s.min());
        assertEquals(10.0, s.max());
        assertEquals(5, s.count());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 10.0), s.values());
        assertEquals(2.0, s.secondBest(Metric.LATENCY));
        assertEquals(4.0, s.secondBest(Metric.BANDWIDTH));
        assertEquals(7.5, Stats.of(List.of(7.5)).secondBest(Metric.LATENCY));
        assertTrue(Double.isNaN(new Stats(1, 1, 1, 1).secondBest(Metric.LATENCY)));
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        Stats s = Stats.of(List.of(4.0, 1.0, 3.0, 2.0));
        assertEquals(2.5, s.median());
        assertEquals(1.0, s.min());
        assertEquals(4.0, s.max());
    }

    @Test
    void oneValueIsEverything() {
        Stats s = Stats.of(List.of(7.5));
        assertEquals(new Stats(7.5, 7.5, 7.5, 1, List.of(7.5)), s);
    }

    @Test
    void refusesEmptyAndNonFinite() {
        assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Stats.of(List.of(1.0, Double.POSITIVE_INFINITY)));
    }

    @Test
    void ratioIsJavaOverC() {
        assertEquals(1.5, Stats.ratio(3.0, 2.0));
        assertTrue(Double.isNaN(Stats.ratio(3.0, 0.0)));
    }
}
