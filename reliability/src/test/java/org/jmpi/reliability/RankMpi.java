package org.jmpi.reliability;

import org.jmpi.Comm;
import org.jmpi.Mpi;
import org.jmpi.ThreadLevel;
import org.jmpi.test.Ranks;

/** MPI at {@link ThreadLevel#MULTIPLE} for harness ranks, finalised at the rank's end. */
final class RankMpi {
    private static Mpi mpi;

    private RankMpi() {
    }

    static synchronized Comm world() {
        if (mpi == null) {
            mpi = Mpi.init(ThreadLevel.MULTIPLE);
            Ranks.atEnd(mpi::close);
        }
        return mpi.world();
    }
}
