package mpi;

/**
 * The value-index pairs of {@link MPI#INT2} ({@code MPI_2INT}), as {@link MPI#MINLOC}
 * and {@link MPI#MAXLOC} compare them; {@link MPI#int2} reads and writes them in a byte
 * buffer, {@code getData(buffer, i)} giving pair i.
 */
public final class Int2 extends Struct {
    private final int intOff;
    private final int intSize;

    /**
     * The layout of {@code MPI_2INT}: the value, then the index of {@code intSize} bytes
     * (4 or 8) at {@code intOff}.
     *
     * @param intOff  offset of the index
     * @param intSize bytes of the index
     */
    protected Int2(int intOff, int intSize) {
        addInt();
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

    /** One int-int pair in a buffer. */
    public final class Data extends Struct.Data {
        /** An accessor placed by {@link Struct#getData}. */
        public Data() {
        }

        /**
         * The value.
         *
         * @return the value
         */
        public int getValue() {
            return getInt(0);
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
        public void putValue(int v) {
            putInt(0, v);
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
