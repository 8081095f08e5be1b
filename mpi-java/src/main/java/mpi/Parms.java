package mpi;

/** Index checks of the topology records ({@link CartParms}, {@link GraphParms}, {@link DistGraphNeighbors}). */
final class Parms {
    private Parms() {
    }

    /** {@code i} if it is in {@code [0, length)}, else an exception naming the argument and what it counts. */
    static int index(int i, int length, String arg, String what) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException(arg + ": " + i + " is not a " + what + " in [0, " + length + ")");
        }
        return i;
    }
}
