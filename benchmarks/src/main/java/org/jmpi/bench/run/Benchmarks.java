package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of OSU-style benchmarks, in the order the runner runs and reports them. */
public final class Benchmarks {
    private static final List<String> BOTH = List.of("segment", "array");
    private static final List<String> SEGMENT = List.of("segment");
    private static final List<String> DIRECT_ARRAY = List.of("direct", "array");
    /** The mpi package's nonblocking calls take direct buffers only (see MpiJavaBandwidth). */
    private static final List<String> DIRECT = List.of("direct");
    /**
     * Quick mode: many cheap small-message iterations and warm-up rounds (so that the Java
     * side is compiled by the JIT before it is timed), few large-message ones; bandwidth
     * windows of 16 messages instead of 64 (a quarter of the bytes per round).
     */
    private static final List<String> QUICK_LATENCY = List.of("-i", "5000:50", "-x", "1000:10");
    private static final List<String> QUICK_BANDWIDTH = List.of("-i", "100:4", "-x", "200:1", "-w", "16");
    private static final List<String> QUICK_COLLECTIVE = List.of("-i", "1000:20", "-x", "1000:5");
    private static final List<String> QUICK_SINGLE = List.of("-i", "5000", "-x", "1000");

    private static final Map<String, Benchmark> ALL = new LinkedHashMap<>();

    static {
        mpi("latency", "Latency", "osu_latency", Metric.LATENCY, BOTH, QUICK_LATENCY);
        mpiPackage("latency", "MpiJavaLatency", DIRECT_ARRAY);
        mpi("bw", "Bandwidth", "osu_bw", Metric.BANDWIDTH, BOTH, QUICK_BANDWIDTH);
        mpiPackage("bw", "MpiJavaBandwidth", DIRECT);
        mpi("bibw", "BiBandwidth", "osu_bibw", Metric.BANDWIDTH, BOTH, QUICK_BANDWIDTH);
        mpi("allreduce", "Allreduce", "osu_allreduce", Metric.LATENCY, BOTH, QUICK_COLLECTIVE);
        mpiPackage("allreduce", "MpiJavaAllreduce", DIRECT_ARRAY);
        mpi("bcast", "Bcast", "osu_bcast", Metric.LATENCY, BOTH, QUICK_COLLECTIVE);
        mpi("alltoall", "Alltoall", "osu_alltoall", Metric.LATENCY, BOTH, QUICK_COLLECTIVE);
        mpi("barrier", "Barrier", "osu_barrier", Metric.LATENCY, SEGMENT, QUICK_SINGLE);
        dsm("dsm_put_lat", "PutLatency", "dsm_put_latency", Metric.LATENCY, BOTH, QUICK_LATENCY);
        dsm("dsm_get_lat", "GetLatency", "dsm_get_latency", Metric.LATENCY, BOTH, QUICK_LATENCY);
        dsm("dsm_put_bw", "PutBandwidth", "dsm_put_bw", Metric.BANDWIDTH, BOTH, QUICK_BANDWIDTH);
        dsm("dsm_get_bw", "GetBandwidth", "dsm_get_bw", Metric.BANDWIDTH, BOTH, QUICK_BANDWIDTH);
        dsm("dsm_fadd_lat", "FetchAddLatency", "dsm_fadd_latency", Metric.LATENCY, SEGMENT, QUICK_SINGLE);
        dsm("dsm_cas_lat", "CompareSwapLatency", "dsm_cas_latency", Metric.LATENCY, SEGMENT, QUICK_SINGLE);
    }

    private Benchmarks() {
    }

    private static void mpi(String name, String cls, String c, Metric m, List<String> kinds, List<String> quick) {
        ALL.put(name, new Benchmark(name, "org.jmpi.bench.osu." + cls, c, m, kinds, quick));
    }

    /** Adds the program on the {@code mpi} package to benchmark {@code name}, registered just before. */
    private static void mpiPackage(String name, String cls, List<String> kinds) {
        Benchmark b = ALL.get(name);
        ALL.put(name, new Benchmark(b.name(), b.javaClass(), b.cProgram(), b.metric(), b.javaBuffers(),
                b.quickOptions(), "org.jmpi.bench.mpijava." + cls, kinds));
    }

    private static void dsm(String name, String cls, String c, Metric m, List<String> kinds, List<String> quick) {
        ALL.put(name, new Benchmark(name, "org.jmpi.bench.dsm." + cls, c, m, kinds, quick));
    }

    /** Every benchmark, in running order. */
    public static List<Benchmark> all() {
        return List.copyOf(ALL.values());
    }

    /** The benchmark named {@code name}, or null. */
    public static Benchmark named(String name) {
        return ALL.get(name);
    }

    /**
     * The benchmarks named in {@code names} (all when empty), in registry order; an
     * unknown name is an IllegalArgumentException listing the known ones.
     */
    public static List<Benchmark> select(List<String> names) {
        if (names.isEmpty()) {
            return all();
        }
        for (String n : names) {
            if (!ALL.containsKey(n)) {
                throw new IllegalArgumentException("--only: unknown benchmark " + n + " (known: "
                        + String.join(",", ALL.keySet()) + ")");
            }
        }
        List<Benchmark> chosen = new ArrayList<>();
        for (Benchmark b : ALL.values()) {
            if (names.contains(b.name())) {
                chosen.add(b);
            }
        }
        return chosen;
    }
}
