package mpi;

import java.nio.*;

/** TODO. */
public final class Int2 extends Struct {
    protected Int2(int intOff, int intSize) {
        throw new UnsupportedOperationException("not yet");
    }

    protected Int2.Data newData() {
        throw new UnsupportedOperationException("not yet");
    }

    /** TODO. */
    public final class Data extends Struct.Data {
        public int getValue() {
            throw new UnsupportedOperationException("not yet");
        }

        public int getIndex() {
            throw new UnsupportedOperationException("not yet");
        }

        public void putValue(int v) {
            throw new UnsupportedOperationException("not yet");
        }

        public void putIndex(int v) {
            throw new UnsupportedOperationException("not yet");
        }

    }

}
