package org.jmpi.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser of the programs' output, on output captured from the C and Java programs. */
class OsuOutputTest {
    /** Captured from {@code mpirun -np 2 osu_latency -m 1:16}. */
    static final String C_LATENCY = """
            # OSU MPI Latency Test (C)
            # jmpi bench=latency impl=c buffer=native
            # Size          Latency (us)
            1                       0.41
            2                       0.40
            4                       0.42
            8                       0.43
            16                      0.45
            """;

    /** Captured from {@code jmpirun -np 2 org.jmpi.bench.osu.Latency -m 1:16 -b segment}. */
    static final String JAVA_LATENCY = """
            # OSU MPI Latency Test (jmpi, Java)
            # jmpi bench=latency impl=java buffer=segment
            # Size          Latency (us)
            1                       0.55
            2                       0.54
            4                       0.57
            8                       0.56
            16                      0.60
            """;

    @Test
    void parsesHeaderAndDataInOrder() {
        OsuOutput out = OsuOutput.parse(C_LATENCY);
        assertEquals("latency", out.bench());
        assertEquals(Variant.C, out.variant());
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L), List.copyOf(out.values().keySet()));
        assertEquals(0.43, out.values().get(8L), 1e-12);
        assertEquals(Variant.JAVA_SEGMENT, OsuOutput.parse(JAVA_LATENCY).variant());
    }

    @Test
    void skipsBlankLinesAndOtherComments() {
        OsuOutput out = OsuOutput.parse("\n# anything\n# jmpi bench=barrier impl=java buffer=segment\n\n0   3.25\n\n");
        assertEquals("barrier", out.bench());
        assertEquals(3.25, out.values().get(0L), 1e-12);
    }

    @Test
    void refusesOutputWithoutHeader() {
        var e = assertThrows(IllegalArgumentException.class, () -> OsuOutput.parse("# Size  Latency\n1 0.5\n"));
        assertTrue(e.getMessage().contains("# jmpi"), e.getMessage());
    }

    @Test
    void refusesOutputWithoutData() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> OsuOutput.parse("# jmpi bench=bw impl=c buffer=native\n# Size Bandwidth\n"));
        assertTrue(e.getMessage().contains("no data lines"), e.getMessage());
    }

    @Test
    void refusesStrayLinesNamingThem() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> OsuOutput.parse("# jmpi bench=bw impl=c buffer=native\n1 2.0\nWarning: something\n"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("Warning"), e.getMessage());
    }

    @Test
    void refusesNonFiniteValuesAndRepeatedSizes() {
        assertThrows(IllegalArgumentException.class,
                () -> OsuOutput.parse("# jmpi bench=bw impl=c buffer=native\n1 NaN\n"));
        assertThrows(IllegalArgumentException.class,
                () -> OsuOutput.parse("# jmpi bench=bw impl=c buffer=native\n1 2.0\n1 3.0\n"));
        assertThrows(IllegalArgumentException.class,
                () -> OsuOutput.parse("# jmpi bench=bw impl=c buffer=native\n# jmpi bench=bw impl=c buffer=native\n1 2\n"));
    }
}
