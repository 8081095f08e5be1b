package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * The C constants behind jmpi's small enums (comparison results, thread levels, window
 * flavors, memory models, assertions), read from the loaded MPI because Open MPI and
 * MPICH differ: one table, each enum's codes in declaration order, and the lookups both
 * ways.
 */
final class Codes {
    private record Entry(String what, int[] codes) {
    }

    /** Each enum's entry, built once on first use (the MPI library is loaded by then). */
    private static final ClassValue<Entry> ENTRIES = new ClassValue<>() {
        @Override
        protected Entry computeValue(Class<?> type) {
            return entry(type);
        }
    };

    private Codes() {
    }

    /** The constant of enum {@code type} whose C value is {@code value}. */
    static <E extends Enum<E>> E decode(Class<E> type, int value) {
        Entry entry = ENTRIES.get(type);
        for (int i = 0; i < entry.codes().length; i++) {
            if (entry.codes()[i] == value) {
                return type.getEnumConstants()[i];
            }
        }
        throw new IllegalArgumentException("unknown MPI " + entry.what() + " " + value);
    }

    /** The C value of {@code constant}. */
    static int code(Enum<?> constant) {
        return ENTRIES.get(constant.getDeclaringClass()).codes()[constant.ordinal()];
    }

    private static Entry entry(Class<?> type) {
        if (type == Comparison.class) {
            return new Entry("comparison result", new int[] {
                MpiCalls.MPI_IDENT(),
                MpiCalls.MPI_CONGRUENT(),
                MpiCalls.MPI_SIMILAR(),
                MpiCalls.MPI_UNEQUAL()});
        } else if (type == WinFlavor.class) {
            return new Entry("window flavor", new int[] {
                MpiCalls.MPI_WIN_FLAVOR_CREATE(),
                MpiCalls.MPI_WIN_FLAVOR_ALLOCATE(),
                MpiCalls.MPI_WIN_FLAVOR_DYNAMIC(),
                MpiCalls.MPI_WIN_FLAVOR_SHARED()});
        } else if (type == MemoryModel.class) {
            return new Entry("window memory model", new int[] {
                MpiCalls.MPI_WIN_SEPARATE(),
                MpiCalls.MPI_WIN_UNIFIED()});
        } else if (type == ThreadLevel.class) {
            return new Entry("thread level", new int[] {
                MpiCalls.MPI_THREAD_SINGLE(),
                MpiCalls.MPI_THREAD_FUNNELED(),
                MpiCalls.MPI_THREAD_SERIALIZED(),
                MpiCalls.MPI_THREAD_MULTIPLE()});
        } else if (type == WinAssert.class) {
            return new Entry("window assertion", new int[] {
                MpiCalls.MPI_MODE_NOCHECK(),
                MpiCalls.MPI_MODE_NOSTORE(),
                MpiCalls.MPI_MODE_NOPUT(),
                MpiCalls.MPI_MODE_NOPRECEDE(),
                MpiCalls.MPI_MODE_NOSUCCEED()});
        }
        throw new IllegalArgumentException("no MPI constants for " + type);
    }
}
