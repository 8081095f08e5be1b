package mpi;

import java.nio.*;

/** TODO. */
public final class CartParms {
    protected CartParms(int[] dims, boolean[] periods, int[] coords) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getDimCount() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getDim(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean getPeriod(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getCoord(int i) {
        throw new UnsupportedOperationException("not yet");
    }

}
