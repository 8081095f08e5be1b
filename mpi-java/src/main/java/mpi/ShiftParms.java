package mpi;

/**
 * The two neighbours {@link CartComm#shift} finds along one dimension: the process to
 * receive from and the process to send to, {@link MPI#PROC_NULL} off the edge of a
 * dimension that is not periodic.
 */
public final class ShiftParms {
    private final int rankSource;
    private final int rankDest;

    /**
     * The result of a shift.
     *
     * @param rankSource the rank to receive from
     * @param rankDest   the rank to send to
     */
    protected ShiftParms(int rankSource, int rankDest) {
        this.rankSource = rankSource;
        this.rankDest = rankDest;
    }

    /**
     * The rank of the process this one receives from in the shift (the process
     * {@code -disp} steps away), or {@link MPI#PROC_NULL}.
     *
     * @return the source rank
     */
    public int getRankSource() {
        return rankSource;
    }

    /**
     * The rank of the process this one sends to in the shift (the process {@code disp}
     * steps away), or {@link MPI#PROC_NULL}.
     *
     * @return the destination rank
     */
    public int getRankDest() {
        return rankDest;
    }
}
