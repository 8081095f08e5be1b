package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Single-process costs: the JMH rows ({@code jmh.csv}, written by the JMH driver) and the C
 * reference's ({@code call_cost.txt}, printed by {@code call_cost.c}), both keyed by the
 * same operation names ({@code commRank}, {@code wtime}, ...).
 */
public final class CallCosts {
    /** The header of jmh.csv. */
    public static final String JMH_HEADER = "benchmark,ns_per_op,error_ns,alloc_bytes_per_op";

    private CallCosts() {
    }

    /**
     * One JMH result.
     *
     * @param name       the benchmark method's name (the operation)
     * @param nsPerOp    average time per operation in ns
     * @param errorNs    JMH's 99.9% confidence half-width in ns (NaN when unknown)
     * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}; NaN without {@code -prof gc})
     */
    public record JmhRow(String name, double nsPerOp, double errorNs, double bytesPerOp) {
    }

    /** jmh.csv text of {@code rows}. */
    public static String formatJmh(List<JmhRow> rows) {
        StringBuilder sb = new StringBuilder(JMH_HEADER).append('\n');
        for (JmhRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", r.name(), num(r.nsPerOp()), num(r.errorNs()),
                    num(r.bytesPerOp())));
        }
        return sb.toString();
    }

    /** Parses jmh.csv text; a malformed line is an IllegalArgumentException naming it. */
    public static List<JmhRow> parseJmh(String text) {
        List<JmhRow> rows = new ArrayList<>();
        for (String[] f : ResultsCsv.records(text, JMH_HEADER, "jmh.csv")) {
            int line = rows.size() + 2;
            rows.add(new JmhRow(f[0], number(f[1], line), number(f[2], line), number(f[3], line)));
        }
        return rows;
    }

    /**
     * Parses the C reference's output: {@code #} comments and lines {@code name ns_per_op}.
     */
    public static Map<String, Double> parseC(String text) {
        Map<String, Double> costs = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : text.split("\\R")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 2) {
                throw new IllegalArgumentException("call_cost line " + lineNo + ": not 'name ns_per_op': " + line);
            }
            costs.put(f[0], number(f[1], lineNo));
        }
        return costs;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static double number(String s, int line) {
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": not a number: " + s, e);
        }
    }
}
