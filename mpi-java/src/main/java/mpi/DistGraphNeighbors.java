package mpi;

import java.nio.*;

/** TODO. */
public final class DistGraphNeighbors {
    protected DistGraphNeighbors(int[] sources, int[] sourceWeights, int[] destinations, int[] destWeights, boolean weighted) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getInDegree() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getOutDegree() {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isWeighted() {
        throw new UnsupportedOperationException("not yet");
    }

    public int getSource(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getSourceWeight(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getDestination(int i) {
        throw new UnsupportedOperationException("not yet");
    }

    public int getDestinationWeight(int i) {
        throw new UnsupportedOperationException("not yet");
    }

}
