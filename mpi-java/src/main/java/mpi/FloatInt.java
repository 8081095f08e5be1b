package mpi;

import java.nio.*;

/** TODO. */
public final class FloatInt extends Struct {
    protected FloatInt(int intOff, int intSize) {
        throw new UnsupportedOperationException("not yet");
    }

    protected Data newData() {
        throw new UnsupportedOperationException("not yet");
    }

    /** TODO. */
    public final class Data extends Struct.Data {
        public float getValue() {
            throw new UnsupportedOperationException("not yet");
        }

        public int getIndex() {
            throw new UnsupportedOperationException("not yet");
        }

        public void putValue(float v) {
            throw new UnsupportedOperationException("not yet");
        }

        public void putIndex(int v) {
            throw new UnsupportedOperationException("not yet");
        }

    }

}
