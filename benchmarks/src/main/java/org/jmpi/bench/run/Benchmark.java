package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * One OSU-style benchmark the runner drives: its Java main class and C twin, what it
 * measures, the buffer kinds the Java program supports, and the program options of the
 * quick mode.
 *
 * @param name         short name, as the programs print it in {@code # jmpi bench=NAME}
 * @param javaClass    the Java program's main class, run with {@code native-scripts/jmpirun}
 * @param cProgram     the C twin's name under {@code benchmarks/target/c-bin} (Open MPI) or
 *                     {@code c-bin-mpich} (MPICH)
 * @param metric       latency or bandwidth
 * @param javaBuffers  the buffer kinds the Java program runs ({@code segment}, {@code array})
 * @param quickOptions program options for {@code --quick}: fewer iterations, most of all
 *                     for large messages ({@code -i SMALL:LARGE})
 */
public record Benchmark(String name, String javaClass, String cProgram, Metric metric,
                        List<String> javaBuffers, List<String> quickOptions) {

    /** Copies the lists; rejects an empty name or no Java buffer kind. */
    public Benchmark {
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        javaBuffers = List.copyOf(javaBuffers);
        quickOptions = List.copyOf(quickOptions);
        if (javaBuffers.isEmpty()) {
            throw new IllegalArgumentException(name + ": javaBuffers must not be empty");
        }
    }

    /** The implementations run side by side: every Java buffer kind, then C. */
    public List<Variant> variants() {
        List<Variant> v = new ArrayList<>();
        for (String b : javaBuffers) {
            v.add(new Variant("java", b));
        }
        v.add(Variant.C);
        return v;
    }
}
