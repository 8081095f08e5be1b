package org.jmpi;

/**
 * The C constants behind jmpi's small enums (comparison results, thread levels, window
 * flavors, ...), read from the loaded MPI because Open MPI and MPICH differ. Each enum
 * lists its constants' codes in declaration order; the lookups both ways are here, once.
 */
final class Codes {
    private Codes() {
    }

    /** The constant of {@code constants} whose code (same position in {@code codes}) is {@code value}. */
    static <E extends Enum<E>> E decode(E[] constants, int value, String what, int... codes) {
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] == value) {
                return constants[i];
            }
        }
        throw new IllegalArgumentException("unknown MPI " + what + " " + value);
    }

    /** The code of {@code constant}: its position's entry of {@code codes}. */
    static int code(Enum<?> constant, int... codes) {
        return codes[constant.ordinal()];
    }
}
