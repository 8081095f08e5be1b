package mpi;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

/**
 * A complex number of {@link MPI#DOUBLE_COMPLEX} in a buffer or array: the real part, then the
 * imaginary part. Reads and writes go to the buffer.
 */
public final class DoubleComplex {
    private final DoubleBuffer buffer;

    private DoubleComplex(DoubleBuffer buffer, int index) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer: null");
        }
        this.buffer = MPI.slice(buffer, index * 2);
    }

    /**
     * The first complex number of a buffer.
     *
     * @param buffer the numbers
     * @return its accessor
     */
    public static DoubleComplex get(DoubleBuffer buffer) {
        return new DoubleComplex(buffer, 0);
    }

    /**
     * Complex number {@code index} of a buffer.
     *
     * @param buffer the numbers
     * @param index  which one
     * @return its accessor
     */
    public static DoubleComplex get(DoubleBuffer buffer, int index) {
        return new DoubleComplex(buffer, index);
    }

    /**
     * The first complex number of an array.
     *
     * @param array the numbers, real and imaginary parts in turn
     * @return its accessor
     */
    public static DoubleComplex get(double[] array) {
        return new DoubleComplex(DoubleBuffer.wrap(array), 0);
    }

    /**
     * Complex number {@code index} of an array.
     *
     * @param array the numbers, real and imaginary parts in turn
     * @param index which one
     * @return its accessor
     */
    public static DoubleComplex get(double[] array, int index) {
        return new DoubleComplex(DoubleBuffer.wrap(array), index);
    }

    /**
     * The first complex number of a byte buffer, in its byte order.
     *
     * @param buffer the numbers
     * @return its accessor
     */
    public static DoubleComplex get(ByteBuffer buffer) {
        return new DoubleComplex(buffer.duplicate().order(buffer.order()).clear().asDoubleBuffer(), 0);
    }

    /**
     * Complex number {@code index} of a byte buffer, in its byte order.
     *
     * @param buffer the numbers
     * @param index  which one
     * @return its accessor
     */
    public static DoubleComplex get(ByteBuffer buffer, int index) {
        return new DoubleComplex(buffer.duplicate().order(buffer.order()).clear().asDoubleBuffer(), index);
    }

    /**
     * The real part.
     *
     * @return the real part
     */
    public double getReal() {
        return buffer.get(0);
    }

    /**
     * The imaginary part.
     *
     * @return the imaginary part
     */
    public double getImag() {
        return buffer.get(1);
    }

    /**
     * Sets the real part.
     *
     * @param real the real part
     */
    public void putReal(double real) {
        buffer.put(0, real);
    }

    /**
     * Sets the imaginary part.
     *
     * @param imag the imaginary part
     */
    public void putImag(double imag) {
        buffer.put(1, imag);
    }

    /**
     * The buffer from this number on.
     *
     * @return the buffer
     */
    public DoubleBuffer getBuffer() {
        return buffer;
    }
}
