package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One implementation of a benchmark: the C twin ({@code c}, buffer {@code native}), the
 * program on jmpi-api with one buffer kind ({@code java}, {@code segment} or {@code array}),
 * or the program on the {@code mpi} package (the API of Open MPI's Java bindings) with one
 * buffer kind ({@code direct} or {@code array}), run on jmpi's module ({@code mpi}) or on
 * Open MPI's own JNI bindings ({@code jni}).
 *
 * @param impl   {@code c}, {@code java}, {@code mpi} or {@code jni}
 * @param buffer {@code native}, {@code segment}, {@code array} or {@code direct}
 */
public record Variant(String impl, String buffer) {

    /** The C reference. */
    public static final Variant C = new Variant("c", "native");

    /** The jmpi-api program on native {@code MemorySegment}s. */
    public static final Variant JAVA_SEGMENT = new Variant("java", "segment");

    /** The jmpi-api program on Java arrays. */
    public static final Variant JAVA_ARRAY = new Variant("java", "array");

    /** The {@code mpi}-package program on direct buffers, on jmpi's module. */
    public static final Variant MPI_DIRECT = new Variant("mpi", "direct");

    /** The {@code mpi}-package program on Java arrays, on jmpi's module. */
    public static final Variant MPI_ARRAY = new Variant("mpi", "array");

    /** The {@code mpi}-package program on direct buffers, on Open MPI's JNI bindings. */
    public static final Variant JNI_DIRECT = new Variant("jni", "direct");

    /** The {@code mpi}-package program on Java arrays, on Open MPI's JNI bindings. */
    public static final Variant JNI_ARRAY = new Variant("jni", "array");

    /** The order of results and tables: C, jmpi-api, the mpi package on jmpi, on JNI. */
    static final List<Variant> ORDER = List.of(C, JAVA_SEGMENT, JAVA_ARRAY, MPI_DIRECT, MPI_ARRAY, JNI_DIRECT,
            JNI_ARRAY);

    /** Whether this is the C reference. */
    public boolean isC() {
        return impl.equals("c");
    }

    /** Whether this is a program on the {@code mpi} package ({@code mpi} or {@code jni}). */
    public boolean onMpiPackage() {
        return impl.equals("mpi") || impl.equals("jni");
    }

    /**
     * How results and tables name it: {@code C}, {@code Java(segment)}, {@code Java(array)},
     * {@code mpi(direct)}, {@code mpi(array)}, {@code JNI(direct)}, {@code JNI(array)}.
     */
    public String title() {
        return switch (impl) {
            case "c" -> "C";
            case "java" -> "Java(" + buffer + ")";
            case "jni" -> "JNI(" + buffer + ")";
            default -> impl + "(" + buffer + ")";
        };
    }

    /**
     * Its short name in ratios: {@code C}; the buffer kind alone for jmpi-api
     * ({@code segment}, {@code array}); {@code mpi-direct}, {@code jni-array}, ... otherwise.
     */
    public String label() {
        return switch (impl) {
            case "c" -> "C";
            case "java" -> buffer;
            default -> impl + "-" + buffer;
        };
    }

    /**
     * The jmpi-api variant that an {@code mpi} variant on jmpi's module is measured
     * against (direct buffers against segments, arrays against arrays), or null.
     */
    public Variant apiTwin() {
        if (!impl.equals("mpi")) {
            return null;
        }
        return switch (buffer) {
            case "direct" -> JAVA_SEGMENT;
            case "array" -> JAVA_ARRAY;
            default -> null;
        };
    }

    /**
     * The order in which repetition {@code rep} (from 0) runs {@code variants}: as given
     * for even repetitions, reversed for odd ones, so that no implementation always runs
     * first (or right after another) when the machine warms up or gets busy.
     */
    public static List<Variant> order(List<Variant> variants, int rep) {
        List<Variant> order = new ArrayList<>(variants);
        if (rep % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }
}
