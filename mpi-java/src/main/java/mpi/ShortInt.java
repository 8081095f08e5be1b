package mpi;

/**
 * The value-index pairs of {@link MPI#SHORT_INT} ({@code MPI_SHORT_INT}), as {@link MPI#MINLOC}
 * and {@link MPI#MAXLOC} compare them; {@link MPI#shortInt} reads and writes them in a byte
 * buffer, {@code getData(buffer, i)} giving pair i.
 */
public final class ShortInt extends Struct {
    private final int valueSize;
    private final int intOff;
    private final int intSize;

    /**
     * The layout of {@code MPI_SHORT_INT}: the value of {@code shortSize} bytes, then the index
     * of {@code intSize} bytes at {@code intOff} (sizes 2, 4 or 8).
     *
     * @param shortSize bytes of the value as C stores it
     * @param intOff   offset of the index
     * @param intSize  bytes of the index
     */
    protected ShortInt(int shortSize, int intOff, int intSize) {
        this.valueSize = shortSize;
        Pairs.add(this, shortSize);
        setOffset(intOff);
        this.intOff = Pairs.add(this, intSize);
        this.intSize = intSize;
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

    /** One short-int pair in a buffer. */
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
            return (short) Pairs.get(this, 0, valueSize);
        }

        /**
         * The index.
         *
         * @return the index
         */
        public int getIndex() {
            return (int) Pairs.get(this, intOff, intSize);
        }

        /**
         * Sets the value.
         *
         * @param v the value
         */
        public void putValue(short v) {
            Pairs.put(this, 0, valueSize, v);
        }

        /**
         * Sets the index.
         *
         * @param v the index
         */
        public void putIndex(int v) {
            Pairs.put(this, intOff, intSize, v);
        }
    }
}
