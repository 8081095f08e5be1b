package org.jmpi.bench.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One implementation of a benchmark: the C twin ({@code c}, buffer {@code native}) or the
 * Java program with one buffer kind ({@code java}, {@code segment} or {@code array}).
 *
 * @param impl   {@code java} or {@code c}
 * @param buffer {@code segment}, {@code array} or {@code native}
 */
public record Variant(String impl, String buffer) {

    /** The C reference. */
    public static final Variant C = new Variant("c", "native");

    /** The Java program on native {@code MemorySegment}s. */
    public static final Variant JAVA_SEGMENT = new Variant("java", "segment");

    /** The Java program on Java arrays. */
    public static final Variant JAVA_ARRAY = new Variant("java", "array");

    /** Whether this is the C reference. */
    public boolean isC() {
        return impl.equals("c");
    }

    /** How results and tables name it: {@code C}, {@code Java(segment)}, {@code Java(array)}. */
    public String title() {
        return isC() ? "C" : "Java(" + buffer + ")";
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
