package org.jmpi.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jmpi.test.BoundedProcess;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A soak of mixed point-to-point, collectives and DSM on 4 ranks ({@link Soak}), 60 s by
 * default ({@code -Djmpi.soak.seconds}), with a fixed, pre-touched heap and JDK Native
 * Memory Tracking. Every result is checked by the ranks; after the warm-up, the library's
 * native memory (NMT "Other": FFM arenas and upcall stubs) and the heap after GC must not
 * grow beyond small bounds, and resident memory must stay flat within a bound that
 * leaves room for the JIT's code. The figures are printed for the record.
 */
class SoakTest {
    private static final Pattern LINE = Pattern.compile(
            "soak rank (\\d+): (\\d+) rounds .*growth (-?\\d+) KiB\\); heap after GC .*growth (-?\\d+) KiB\\);"
                    + " native \\(NMT\\) committed ([+-]\\d+)KB, Other ([+-]\\d+)KB");

    @Test
    void mixedTrafficKeepsMemoryFlat() throws Exception {
        long seconds = Long.getLong("jmpi.soak.seconds", 60);
        int np = Job.ranks(2);
        BoundedProcess.Result r = Job.run(np, Duration.ofSeconds(seconds + 240),
                List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:NativeMemoryTracking=summary"),
                Map.of(), "org.jmpi.reliability.Soak", Long.toString(seconds));
        assertFalse(r.timedOut(), r::describe);
        assertEquals(0, r.exitCode(), r::describe);
        List<String> lines = new ArrayList<>();
        Matcher m = LINE.matcher(r.stdout());
        while (m.find()) {
            lines.add(m.group());
            long rounds = Long.parseLong(m.group(2));
            long rss = Long.parseLong(m.group(3));
            long heap = Long.parseLong(m.group(4));
            long other = Long.parseLong(m.group(6));
            String rank = "rank " + m.group(1) + ": " + m.group();
            assertTrue(rounds > 1000, rank);
            assertTrue(other <= 256, "native memory of the library grew: " + rank);
            assertTrue(heap <= 4096, "heap after GC grew: " + rank);
            assertTrue(rss <= 32 * 1024, "resident memory grew: " + rank);
        }
        assertEquals(np, lines.size(), () -> "a line per rank\n" + r.describe());
        lines.forEach(System.out::println);
    }
}
