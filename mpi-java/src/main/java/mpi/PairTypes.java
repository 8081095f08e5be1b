package mpi;

/**
 * The accessors of the value-index pair types ({@link MPI#int2}, ...), laid out as C lays
 * out {@code MPI_2INT}, {@code MPI_SHORT_INT}, {@code MPI_LONG_INT}, {@code MPI_FLOAT_INT}
 * and {@code MPI_DOUBLE_INT}: the value first, the int at the next multiple of 4.
 */
final class PairTypes {
    private PairTypes() {
    }

    static Int2 int2() {
        return new Int2(4, 4);
    }

    static ShortInt shortInt() {
        return new ShortInt(2, 4, 4);
    }

    static LongInt longInt() {
        return new LongInt(8, 8, 4);
    }

    static FloatInt floatInt() {
        return new FloatInt(4, 4);
    }

    static DoubleInt doubleInt() {
        return new DoubleInt(8, 4);
    }
}
