package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast mode's membership and the chance of luck (Fisher's exact test, one-sided). */
class ModesTest {
    @Test
    void theFastModeIsWithinTheFactorOfTheBest() {
        List<Double> latencies = List.of(0.15, 0.22, 0.23, 0.45);
        assertEquals(2, Modes.fast(latencies, 0.15, Metric.LATENCY));
        List<Double> bandwidths = List.of(10000.0, 6700.0, 6600.0);
        assertEquals(2, Modes.fast(bandwidths, 10000, Metric.BANDWIDTH));
    }

    @Test
    void luckIsTheHypergeometricLowerTail() {
        assertEquals(1.0 / 20, Modes.luck(0, 3, 3, 6), 1e-12);
        assertEquals(4.0 / 20, Modes.luck(0, 3, 2, 6), 1e-12);
        assertEquals(1.0 / 252, Modes.luck(0, 5, 5, 10), 1e-12);
        assertEquals(6.0 / 252, Modes.luck(0, 5, 4, 10), 1e-12);
        assertEquals(1.0, Modes.luck(3, 3, 3, 6), 1e-12);
        assertEquals((1 + 9.0) / 20, Modes.luck(1, 3, 3, 6), 1e-12);
        assertEquals(1.0, Modes.luck(0, 3, 0, 6), 1e-12);
        assertEquals(252, Modes.choose(10, 5));
        assertEquals(0, Modes.choose(3, 4));
        assertThrows(IllegalArgumentException.class, () -> Modes.luck(0, 7, 3, 6));
    }
}
