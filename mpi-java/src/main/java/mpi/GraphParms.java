package mpi;

import java.nio.*;

/** TODO. */
public final class GraphParms {
    protected GraphParms(int[] index, int[] edges) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getIndexCount() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getIndex(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getEdgeCount() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getEdge(int i) {
        throw new UnsupportedOperationException("not yet");
    }

}
