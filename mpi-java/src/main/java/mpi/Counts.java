package mpi;

/** Checks and sums of the count arrays of the collectives (unchecked errors, MPI_ERR_COUNT). */
final class Counts {
    private Counts() {
    }

    /** The sum of {@code counts}, each non-negative. */
    static int sum(int[] counts) {
        if (counts == null) {
            throw Failure.arg(MPI.ERR_COUNT, "counts: null");
        }
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw Failure.arg(MPI.ERR_COUNT, "counts[" + i + "]: " + counts[i] + " is negative");
            }
            sum += counts[i];
        }
        if (sum > Integer.MAX_VALUE) {
            throw Failure.arg(MPI.ERR_COUNT, "counts: their sum " + sum + " exceeds an int");
        }
        return (int) sum;
    }

    /** This process's count: {@code counts[rank]}, after checking there is one per process. */
    static int own(int[] counts, org.jmpi.Comm c) {
        sum(counts);
        if (counts.length < c.size()) {
            throw Failure.arg(MPI.ERR_COUNT, "counts: " + counts.length + " counts for " + c.size() + " processes");
        }
        return counts[c.rank()];
    }
}
