package mpi;

import java.nio.*;

/** TODO. */
public final class ShortInt extends Struct {
    protected ShortInt(int shortSize, int intOff, int intSize) {
        throw new UnsupportedOperationException("not yet");
    }

    protected Data newData() {
        throw new UnsupportedOperationException("not yet");
    }

    /** TODO. */
    public final class Data extends Struct.Data {
        public short getValue() {
            throw new UnsupportedOperationException("not yet");
        }

        public int getIndex() {
            throw new UnsupportedOperationException("not yet");
        }

        public void putValue(short v) {
            throw new UnsupportedOperationException("not yet");
        }

        public void putIndex(int v) {
            throw new UnsupportedOperationException("not yet");
        }

    }

}
