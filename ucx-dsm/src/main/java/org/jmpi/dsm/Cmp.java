package org.jmpi.dsm;

/** A comparison of a local word with a value, for {@link Window#waitUntil} and {@link Window#test(long, Cmp, long)}. */
public enum Cmp {
    /** Equal. */
    EQ,
    /** Not equal. */
    NE,
    /** Less than. */
    LT,
    /** Less than or equal. */
    LE,
    /** Greater than. */
    GT,
    /** Greater than or equal. */
    GE;

    /** Whether {@code word} compares to {@code value} this way (signed). */
    public boolean test(long word, long value) {
        return switch (this) {
            case EQ -> word == value;
            case NE -> word != value;
            case LT -> word < value;
            case LE -> word <= value;
            case GT -> word > value;
            case GE -> word >= value;
        };
    }
}
