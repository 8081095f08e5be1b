package mpi;

import java.nio.*;

/** TODO. */
public final class LongInt extends Struct {
    protected LongInt(int longSize, int intOff, int intSize) {
        throw new UnsupportedOperationException("not yet");
    }

    protected LongInt.Data newData() {
        throw new UnsupportedOperationException("not yet");
    }

    /** TODO. */
    public final class Data extends Struct.Data {
        public long getValue() {
            throw new UnsupportedOperationException("not yet");
        }

        public int getIndex() {
            throw new UnsupportedOperationException("not yet");
        }

        public void putValue(long v) {
            throw new UnsupportedOperationException("not yet");
        }

        public void putIndex(int v) {
            throw new UnsupportedOperationException("not yet");
        }

    }

}
