package mpi;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * A complex number of {@link MPI#FLOAT_COMPLEX} in a buffer or array: the real part, then the
 * imaginary part. Reads and writes go to the buffer.
 */
public final class FloatComplex {
    private final FloatBuffer buffer;

    private FloatComplex(FloatBuffer buffer, int index) {
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
    public static FloatComplex get(FloatBuffer buffer) {
        return new FloatComplex(buffer, 0);
    }

    /**
     * Complex number {@code index} of a buffer.
     *
     * @param buffer the numbers
     * @param index  which one
     * @return its accessor
     */
    public static FloatComplex get(FloatBuffer buffer, int index) {
        return new FloatComplex(buffer, index);
    }

    /**
     * The first complex number of an array.
     *
     * @param array the numbers, real and imaginary parts in turn
     * @return its accessor
     */
    public static FloatComplex get(float[] array) {
        return new FloatComplex(FloatBuffer.wrap(array), 0);
    }

    /**
     * Complex number {@code index} of an array.
     *
     * @param array the numbers, real and imaginary parts in turn
     * @param index which one
     * @return its accessor
     */
    public static FloatComplex get(float[] array, int index) {
        return new FloatComplex(FloatBuffer.wrap(array), index);
    }

    /**
     * The first complex number of a byte buffer, in its byte order.
     *
     * @param buffer the numbers
     * @return its accessor
     */
    public static FloatComplex get(ByteBuffer buffer) {
        return new FloatComplex(buffer.duplicate().order(buffer.order()).clear().asFloatBuffer(), 0);
    }

    /**
     * Complex number {@code index} of a byte buffer, in its byte order.
     *
     * @param buffer the numbers
     * @param index  which one
     * @return its accessor
     */
    public static FloatComplex get(ByteBuffer buffer, int index) {
        return new FloatComplex(buffer.duplicate().order(buffer.order()).clear().asFloatBuffer(), index);
    }

    /**
     * The real part.
     *
     * @return the real part
     */
    public float getReal() {
        return buffer.get(0);
    }

    /**
     * The imaginary part.
     *
     * @return the imaginary part
     */
    public float getImag() {
        return buffer.get(1);
    }

    /**
     * Sets the real part.
     *
     * @param real the real part
     */
    public void putReal(float real) {
        buffer.put(0, real);
    }

    /**
     * Sets the imaginary part.
     *
     * @param imag the imaginary part
     */
    public void putImag(float imag) {
        buffer.put(1, imag);
    }

    /**
     * The buffer from this number on.
     *
     * @return the buffer
     */
    public FloatBuffer getBuffer() {
        return buffer;
    }
}
