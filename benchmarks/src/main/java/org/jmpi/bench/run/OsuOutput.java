package org.jmpi.bench.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run of an OSU-style program printed: the benchmark, implementation and
 * buffer kind of its {@code # jmpi bench=... impl=... buffer=...} line, and its data
 * lines {@code size value} in the order printed.
 *
 * @param bench  the benchmark's short name
 * @param impl   {@code java} or {@code c}
 * @param buffer {@code segment}, {@code array} or {@code native}
 * @param values message size in bytes to value (latency in us or bandwidth in MB/s)
 */
public record OsuOutput(String bench, String impl, String buffer, Map<Long, Double> values) {
    private static final Pattern HEADER =
            Pattern.compile("#\\s*jmpi\\s+bench=(\\S+)\\s+impl=(\\S+)\\s+buffer=(\\S+)\\s*");
    private static final Pattern DATA = Pattern.compile("(\\d+)\\s+(\\S+)");

    /** Keeps the values in printing order, unmodifiable. */
    public OsuOutput {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The variant this output came from. */
    public Variant variant() {
        return new Variant(impl, buffer);
    }

    /**
     * Parses a program's standard output. Lines starting with {@code #} are comments
     * (one must be the {@code # jmpi} line); blank lines are skipped; every other line
     * must be {@code size value} with a finite value, and each size may appear once.
     *
     * @throws IllegalArgumentException naming the offending line, or the missing header
     *                                  or data
     */
    public static OsuOutput parse(String text) {
        String bench = null;
        String impl = null;
        String buffer = null;
        Map<Long, Double> values = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : text.split("\\R")) {
            lineNo++;
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher h = HEADER.matcher(line);
                if (h.matches()) {
                    if (bench != null) {
                        throw new IllegalArgumentException("line " + lineNo + ": second # jmpi header: " + line);
                    }
                    bench = h.group(1);
                    impl = h.group(2);
                    buffer = h.group(3);
                }
                continue;
            }
            Matcher d = DATA.matcher(line);
            if (!d.matches()) {
                throw new IllegalArgumentException("line " + lineNo + ": not 'size value': " + line);
            }
            long size = Long.parseLong(d.group(1));
            double value = value(d.group(2), lineNo, line);
            if (values.putIfAbsent(size, value) != null) {
                throw new IllegalArgumentException("line " + lineNo + ": size " + size + " printed twice");
            }
        }
        if (bench == null) {
            throw new IllegalArgumentException("no '# jmpi bench=... impl=... buffer=...' line in the output");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no data lines ('size value') in the output of " + bench);
        }
        return new OsuOutput(bench, impl, buffer, values);
    }

    private static double value(String s, int lineNo, String line) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("line " + lineNo + ": value is not a finite number: " + line);
    }
}
