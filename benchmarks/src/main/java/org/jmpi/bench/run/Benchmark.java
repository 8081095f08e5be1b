package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.List;

/**
 * One OSU-style benchmark the runner drives: its Java main class and C twin, what it
 * measures, the buffer kinds the Java program supports, the program options of the
 * quick mode, and its program on the {@code mpi} package, if it has one.
 *
 * @param name         short name, as the programs print it in {@code # jmpi bench=NAME}
 * @param javaClass    the jmpi-api program's main class, run with {@code native-scripts/jmpirun}
 * @param cProgram     the C twin's name under {@code benchmarks/target/c-bin} (Open MPI) or
 *                     {@code c-bin-mpich} (MPICH)
 * @param metric       latency or bandwidth
 * @param javaBuffers  the buffer kinds the jmpi-api program runs ({@code segment}, {@code array})
 * @param quickOptions program options for {@code --quick}: fewer iterations, most of all
 *                     for large messages ({@code -i SMALL:LARGE})
 * @param mpiClass     the main class of the program on the {@code mpi} package, or empty
 * @param mpiBuffers   the buffer kinds that program runs ({@code direct}, {@code array});
 *                     empty without one
 */
public record Benchmark(String name, String javaClass, String cProgram, Metric metric,
                        List<String> javaBuffers, List<String> quickOptions, String mpiClass,
                        List<String> mpiBuffers) {

    /** Copies the lists; rejects an empty name, no Java buffer kind, or a program on the mpi package without buffer kinds. */
    public Benchmark {
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        javaBuffers = List.copyOf(javaBuffers);
        quickOptions = List.copyOf(quickOptions);
        mpiBuffers = List.copyOf(mpiBuffers);
        if (javaBuffers.isEmpty()) {
            throw new IllegalArgumentException(name + ": javaBuffers must not be empty");
        }
        if (mpiClass.isEmpty() != mpiBuffers.isEmpty()) {
            throw new IllegalArgumentException(name + ": mpiClass and mpiBuffers go together (" + mpiClass + ", "
                    + mpiBuffers + ")");
        }
    }

    /** A benchmark with no program on the {@code mpi} package. */
    public Benchmark(String name, String javaClass, String cProgram, Metric metric, List<String> javaBuffers,
                     List<String> quickOptions) {
        this(name, javaClass, cProgram, metric, javaBuffers, quickOptions, "", List.of());
    }

    /** The implementations run side by side without the JNI bindings; see {@link #variants(boolean)}. */
    public List<Variant> variants() {
        return variants(false);
    }

    /**
     * The implementations run side by side: every jmpi-api buffer kind, every buffer kind
     * of the program on the {@code mpi} package on jmpi's module, the same on Open MPI's
     * JNI bindings if {@code jni}, then C.
     */
    public List<Variant> variants(boolean jni) {
        List<Variant> v = new ArrayList<>();
        for (String b : javaBuffers) {
            v.add(new Variant("java", b));
        }
        for (String b : mpiBuffers) {
            v.add(new Variant("mpi", b));
        }
        if (jni) {
            for (String b : mpiBuffers) {
                v.add(new Variant("jni", b));
            }
        }
        v.add(Variant.C);
        return v;
    }

    /** The main class that runs variant {@code v} (not C): the jmpi-api program or the one on the {@code mpi} package. */
    public String mainClass(Variant v) {
        if (v.isC()) {
            throw new IllegalArgumentException(name + ": C runs " + cProgram + ", no Java class");
        }
        return v.onMpiPackage() ? mpiClass : javaClass;
    }
}
