package mpi;

/**
 * The layout shared by the value-index pair types ({@link Int2}, {@link ShortInt},
 * {@link LongInt}, {@link FloatInt}, {@link DoubleInt}): integer fields of 2, 4 or 8 bytes
 * as C stores them, read and written through the accessors of {@link Struct.Data}.
 */
final class Pairs {
    private Pairs() {
    }

    /** Adds an integer field of {@code size} bytes to {@code s}; returns its offset. */
    static int add(Struct s, int size) {
        return switch (size) {
            case 2 -> s.addShort();
            case 4 -> s.addInt();
            case 8 -> s.addLong();
            default -> throw new IllegalArgumentException("size: " + size + " bytes is no integer size");
        };
    }

    /** The integer of {@code size} bytes at {@code field}. */
    static long get(Struct.Data d, int field, int size) {
        return switch (size) {
            case 2 -> d.getShort(field);
            case 4 -> d.getInt(field);
            default -> d.getLong(field);
        };
    }

    /** Stores {@code v} as an integer of {@code size} bytes at {@code field}. */
    static void put(Struct.Data d, int field, int size, long v) {
        switch (size) {
            case 2 -> d.putShort(field, (short) v);
            case 4 -> d.putInt(field, (int) v);
            default -> d.putLong(field, v);
        }
    }
}
