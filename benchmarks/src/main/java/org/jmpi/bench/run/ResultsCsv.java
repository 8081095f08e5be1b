package org.jmpi.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * results.csv: one row per MPI, benchmark, implementation, buffer kind and size, with the
 * columns {@value #HEADER}. Values have three decimals; a ratio without a C value is
 * empty; {@code values} lists every repetition's value, ascending, separated by {@code ;}.
 * Files written before the {@code values} column (the header without it) read with no
 * values, and those before the {@code mpi} column (without that too) also as Open MPI's.
 */
public final class ResultsCsv {
    /** The header line. */
    public static final String HEADER =
            "mpi,benchmark,impl,buffer,size,metric,unit,median,min,max,reps,ratio_to_c,values";
    /** The header before the {@code values} column. */
    static final String HEADER_WITHOUT_VALUES = HEADER.substring(0, HEADER.lastIndexOf(','));
    /** The header before the {@code mpi} column, when every run was on Open MPI. */
    static final String HEADER_WITHOUT_MPI = HEADER_WITHOUT_VALUES.substring(HEADER.indexOf(',') + 1);

    private ResultsCsv() {
    }

    /** The CSV text of {@code rows}, header first. */
    public static String format(List<ResultRow> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ResultRow r : rows) {
            Stats s = r.stats();
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%s,%s,%.3f,%.3f,%.3f,%d,%s,%s%n",
                    r.mpi().id, r.benchmark(), r.impl(), r.buffer(), r.size(), r.metric().label(), r.metric().unit(),
                    s.median(), s.min(), s.max(), s.count(),
                    Double.isNaN(r.ratioToC()) ? "" : String.format(Locale.ROOT, "%.3f", r.ratioToC()),
                    s.values().stream().map(v -> String.format(Locale.ROOT, "%.3f", v))
                            .collect(Collectors.joining(";"))));
        }
        return sb.toString();
    }

    /** Writes {@code rows} to {@code file}. */
    public static void write(Path file, List<ResultRow> rows) throws IOException {
        Files.writeString(file, format(rows));
    }

    /**
     * Parses CSV text written by {@link #format}; a wrong header or a malformed line is an
     * IllegalArgumentException naming the line.
     */
    public static List<ResultRow> parse(String text) {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().map(String::strip).orElse("");
        String header = first.equals(HEADER_WITHOUT_MPI) || first.equals(HEADER_WITHOUT_VALUES) ? first : HEADER;
        List<ResultRow> rows = new ArrayList<>();
        for (String[] g : records(text, header, "results CSV")) {
            int i = rows.size() + 2;
            String[] f = header.equals(HEADER_WITHOUT_MPI) ? prepend(MpiLibrary.OPENMPI.id, g) : g;
            try {
                List<Double> values = f.length > 12 && !f[12].isEmpty()
                        ? Arrays.stream(f[12].split(";")).map(Double::parseDouble).toList() : List.of();
                Stats s = new Stats(Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]),
                        Integer.parseInt(f[10]), values);
                double ratio = f[11].isEmpty() ? Double.NaN : Double.parseDouble(f[11]);
                rows.add(new ResultRow(MpiLibrary.of(f[0]), f[1], f[2], f[3], Long.parseLong(f[4]), Metric.of(f[5]),
                        s, ratio));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("results CSV line " + i + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /**
     * The fields of each line of CSV {@code text} after its header line, which must be
     * {@code header}; every line must have as many fields as the header.
     *
     * @param what the file's name in messages
     */
    static List<String[]> records(String text, String header, String what) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !lines.getFirst().strip().equals(header)) {
            throw new IllegalArgumentException(what + " must start with the header " + header);
        }
        int fields = header.split(",").length;
        List<String[]> records = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).strip().split(",", -1);
            if (f.length != fields) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + ": expected " + fields + " fields, got "
                        + f.length + ": " + lines.get(i));
            }
            records.add(f);
        }
        return records;
    }

    /** Reads and parses {@code file}. */
    public static List<ResultRow> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }
}
