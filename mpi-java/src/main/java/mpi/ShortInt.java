package mpi;

/**
 * The value-index pairs of {@link MPI#SHORT_INT} ({@code MPI_SHORT_INT}), as compared by
 * {@link MPI#MINLOC} and {@link MPI#MAXLOC}: {@link MPI#shortInt}
 * reads and writes them in a byte buffer, {@code getData(buffer, i)} giving pair i.
 */
public final class ShortInt extends Struct {
    private final int valueSize;
    private final int intOff;
    private final int intSize;

    /**
     * The layout of {@code MPI_SHORT_INT}: a short of {@code shortSize} bytes (2, 4 or 8), then the
     * int of {@code intSize} bytes (4 or 8) at {@code intOff}.
     *
     * @param shortSize bytes of the value as C stores it
     * @param intOff   offset of the index
     * @param intSize  bytes of the index
     */
    protected ShortInt(int shortSize, int intOff, int intSize) {
        this.valueSize = shortSize;
        this.intSize = intSize;
        addSized(shortSize);
        setOffset(intOff);
        this.intOff = addSized(intSize);
    }

    /** Adds an integer field of {@code size} bytes. */
    private int addSized(int size) {
        return switch (size) {
            case 2 -> addShort();
            case 4 -> addInt();
            case 8 -> addLong();
            default -> throw new IllegalArgumentException("size: " + size + " bytes is no integer size");
        };
    }

    /**
     * An accessor of one pair.
     *
     * @return the accessor
     */
    @Override
    protected Data newData() {
        return new Data();
    }

    /** One pair in a buffer. */
    public final class Data extends Struct.Data {
        /** An accessor placed by {@link Struct#getData}. */
        public Data() {
        }

        /**
         * The value.
         *
         * @return the value
         */
        public short getValue() {
            return switch (valueSize) {
                case 2 -> getShort(0);
                case 4 -> (short) getInt(0);
                default -> (short) getLong(0);
            };
        }

        /**
         * The index.
         *
         * @return the index
         */
        public int getIndex() {
            return intSize == 8 ? (int) getLong(intOff) : getInt(intOff);
        }

        /**
         * Sets the value.
         *
         * @param v the value
         */
        public void putValue(short v) {
            switch (valueSize) {
                case 2 -> putShort(0, (short) v);
                case 4 -> putInt(0, (int) v);
                default -> putLong(0, v);
            }
        }

        /**
         * Sets the index.
         *
         * @param v the index
         */
        public void putIndex(int v) {
            if (intSize == 8) {
                putLong(intOff, v);
            } else {
                putInt(intOff, v);
            }
        }
    }
}
