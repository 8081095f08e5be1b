package org.jmpi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code -i N:L} and {@code -x N:L}: counts up to 8 KiB and above (the runner's quick mode). */
class OsuIterationSplitTest {
    private static OsuOptions parse(String... args) {
        return OsuOptions.parse(args, 1);
    }

    @Test
    void splitCountsApplyBySize() {
        OsuOptions o = parse("-i", "5000:50", "-x", "1000:10");
        assertEquals(5000, o.iterationsFor(1, 7, 8));
        assertEquals(5000, o.iterationsFor(OsuOptions.LARGE_MESSAGE, 7, 8));
        assertEquals(50, o.iterationsFor(OsuOptions.LARGE_MESSAGE + 1, 7, 8));
        assertEquals(1000, o.warmupFor(8, 7, 8));
        assertEquals(10, o.warmupFor(4 << 20, 7, 8));
    }

    @Test
    void aLoneCountAppliesToEverySizeAndNoneKeepsTheDefaults() {
        OsuOptions o = parse("-i", "30");
        assertEquals(30, o.iterationsFor(1, 7, 8));
        assertEquals(30, o.iterationsFor(1 << 20, 7, 8));
        assertEquals(7, o.warmupFor(1, 7, 8));
        assertEquals(8, o.warmupFor(1 << 20, 7, 8));
        OsuOptions later = parse("-i", "5:6", "-i", "9");
        assertEquals(9, later.iterationsFor(1 << 20, 7, 8), "the last -i wins, large count included");
    }

    @Test
    void badSplitCountsAreNamed() {
        for (String bad : new String[] {"5:", ":5", "5:x", "5:0", "1:2:3"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> parse("-i", bad), bad);
            assertTrue(e.getMessage().contains("-i"), e.getMessage());
        }
        assertEquals(0, parse("-x", "0:0").warmupFor(1 << 20, 7, 8));
    }
}
