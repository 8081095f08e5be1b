package mpi;

import java.nio.*;

/** TODO. */
public final class DoubleComplex {
    public static DoubleComplex get(DoubleBuffer buffer) {
        throw new UnsupportedOperationException("not yet");
    }

    public static DoubleComplex get(DoubleBuffer buffer, int index) {
        throw new UnsupportedOperationException("not yet");
    }

    public static DoubleComplex get(double[] array) {
        throw new UnsupportedOperationException("not yet");
    }

    public static DoubleComplex get(double[] array, int index) {
        throw new UnsupportedOperationException("not yet");
    }

    public static DoubleComplex get(ByteBuffer buffer) {
        throw new UnsupportedOperationException("not yet");
    }

    public static DoubleComplex get(ByteBuffer buffer, int index) {
        throw new UnsupportedOperationException("not yet");
    }

    public double getReal() {
        throw new UnsupportedOperationException("not yet");
    }

    public double getImag() {
        throw new UnsupportedOperationException("not yet");
    }

    public void putReal(double real) {
        throw new UnsupportedOperationException("not yet");
    }

    public void putImag(double imag) {
        throw new UnsupportedOperationException("not yet");
    }

    public DoubleBuffer getBuffer() {
        throw new UnsupportedOperationException("not yet");
    }

}
