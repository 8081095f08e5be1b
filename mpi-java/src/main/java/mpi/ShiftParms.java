package mpi;

import java.nio.*;

/** TODO. */
public final class ShiftParms {
    protected ShiftParms(int rankSource, int rankDest) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getRankSource() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getRankDest() {
        throw new UnsupportedOperationException("not yet");
    }

}
