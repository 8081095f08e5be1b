package mpi;

import java.nio.*;

/** TODO. */
public final class FloatComplex {
    public static FloatComplex get(FloatBuffer buffer) {
        throw new UnsupportedOperationException("not yet");
    }

    public static FloatComplex get(FloatBuffer buffer, int index) {
        throw new UnsupportedOperationException("not yet");
    }

    public static FloatComplex get(float[] array) {
        throw new UnsupportedOperationException("not yet");
    }

    public static FloatComplex get(float[] array, int index) {
        throw new UnsupportedOperationException("not yet");
    }

    public static FloatComplex get(ByteBuffer buffer) {
        throw new UnsupportedOperationException("not yet");
    }

    public static FloatComplex get(ByteBuffer buffer, int index) {
        throw new UnsupportedOperationException("not yet");
    }

    public float getReal() {
        throw new UnsupportedOperationException("not yet");
    }

    public float getImag() {
        throw new UnsupportedOperationException("not yet");
    }

    public void putReal(float real) {
        throw new UnsupportedOperationException("not yet");
    }

    public void putImag(float imag) {
        throw new UnsupportedOperationException("not yet");
    }

    public FloatBuffer getBuffer() {
        throw new UnsupportedOperationException("not yet");
    }

}
