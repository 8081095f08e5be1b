package mpi;

/**
 * The value-index pairs of {@link MPI#LONG_INT} ({@code MPI_LONG_INT}), as {@link MPI#MINLOC}
 * and {@link MPI#MAXLOC} compare them; {@link MPI#longInt} reads and writes them in a byte
 * buffer, {@code getData(buffer, i)} giving pair i.
 */
public final class LongInt extends Struct {
    private final int valueSize;
    private final int intOff;
    private final int intSize;

    /**
     * The layout of {@code MPI_LONG_INT}: the value of {@code longSize} bytes, then the index
     * of {@code intSize} bytes at {@code intOff} (sizes 2, 4 or 8).
     *
     * @param longSize bytes of the value as C stores it
     * @param intOff   offset of the index
     * @param intSize  bytes of the index
     */
    protected LongInt(int longSize, int intOff, int intSize) {
        this.valueSize = longSize;
        Pairs.add(this, longSize);
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

    /** One long-int pair in a buffer. */
    public final class Data extends Struct.Data {
        /** An accessor placed by {@link Struct#getData}. */
        public Data() {
        }

        /**
         * The value.
         *
         * @return the value
         */
        public long getValue() {
            return Pairs.get(this, 0, valueSize);
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
        public void putValue(long v) {
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
