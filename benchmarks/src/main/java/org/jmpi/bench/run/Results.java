package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the parsed outputs of every repetition of a run on one MPI and turns them into
 * one {@link ResultRow} per benchmark, implementation, buffer kind and size, with the
 * Java/C ratio of medians.
 */
public final class Results {
    private final MpiLibrary mpi;
    /** benchmark -> variant -> size -> values over the repetitions. */
    private final Map<String, Map<Variant, Map<Long, List<Double>>>> samples = new LinkedHashMap<>();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    /** Results of jobs that ran on {@code mpi}. */
    public Results(MpiLibrary mpi) {
        this.mpi = mpi;
    }

    /**
     * Adds one run's output to {@code bench}'s samples; an output whose header names
     * another benchmark is refused.
     */
    public void add(Benchmark bench, OsuOutput out) {
        if (!out.bench().equals(bench.name())) {
            throw new IllegalArgumentException("output is of benchmark " + out.bench() + ", expected " + bench.name());
        }
        metrics.put(bench.name(), bench.metric());
        Map<Long, List<Double>> bySize = samples.computeIfAbsent(bench.name(), k -> new LinkedHashMap<>())
                .computeIfAbsent(out.variant(), k -> new TreeMap<>());
        out.values().forEach((size, v) -> bySize.computeIfAbsent(size, k -> new ArrayList<>()).add(v));
    }

    /**
     * The rows: benchmarks in the order they were first added, then C, Java(segment),
     * Java(array), mpi(direct), mpi(array), JNI(direct), JNI(array), then size.
     */
    public List<ResultRow> rows() {
        List<ResultRow> rows = new ArrayList<>();
        samples.forEach((bench, byVariant) -> {
            Map<Long, List<Double>> c = byVariant.getOrDefault(Variant.C, Map.of());
            List<Variant> variants = new ArrayList<>(byVariant.keySet());
            variants.sort(VARIANT_ORDER);
            for (Variant v : variants) {
                byVariant.get(v).forEach((size, values) -> {
                    Stats s = Stats.of(values);
                    List<Double> cValues = c.get(size);
                    double ratio = cValues == null ? Double.NaN : Stats.ratio(s.median(), Stats.of(cValues).median());
                    rows.add(new ResultRow(mpi, bench, v.impl(), v.buffer(), size, metrics.get(bench), s, ratio));
                });
            }
        });
        return rows;
    }

    /** In {@link Variant#ORDER} (C, jmpi-api, the mpi package on jmpi, on JNI), then anything else by name. */
    static final Comparator<Variant> VARIANT_ORDER = Comparator.comparingInt(Results::rank)
            .thenComparing(Variant::impl).thenComparing(Variant::buffer);

    private static int rank(Variant v) {
        int i = Variant.ORDER.indexOf(v);
        return i < 0 ? Variant.ORDER.size() : i;
    }
}
