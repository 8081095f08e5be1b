package mpi;

import java.nio.*;

/** TODO. */
public final class DoubleInt extends Struct {
    protected DoubleInt(int intOff, int intSize) {
        throw new UnsupportedOperationException("not yet");
    }

    protected DoubleInt.Data newData() {
        throw new UnsupportedOperationException("not yet");
    }

    /** TODO. */
    public final class Data extends Struct.Data {
        public double getValue() {
            throw new UnsupportedOperationException("not yet");
        }

        public int getIndex() {
            throw new UnsupportedOperationException("not yet");
        }

        public void putValue(double v) {
            throw new UnsupportedOperationException("not yet");
        }

        public void putIndex(int v) {
            throw new UnsupportedOperationException("not yet");
        }

    }

}
