package org.jmpi.dsm;

import org.jmpi.Comm;
import org.jmpi.Mpi;
import org.jmpi.ThreadLevel;
import org.jmpi.test.Ranks;

/**
 * MPI and a shared DSM context for tests that run in harness ranks: MPI is initialised
 * on first use with {@link ThreadLevel#MULTIPLE}; the shared contexts are closed at the
 * rank's end, before MPI is finalised.
 */
final class TestDsm {
    private static Mpi mpi;
    private static DsmContext shared;
    private static DsmContext sharedUcp;

    private TestDsm() {
    }

    static synchronized Mpi mpi() {
        if (mpi == null) {
            mpi = Mpi.init(ThreadLevel.MULTIPLE);
            Ranks.atEnd(mpi::close);
        }
        return mpi;
    }

    static Comm world() {
        return mpi().world();
    }

    /** A context with direct access on, shared by the tests of a rank (collective on first use). */
    static synchronized DsmContext context() {
        if (shared == null) {
            shared = DsmContext.create(world(), true);
            Ranks.atEnd(shared::close);
        }
        return shared;
    }

    /** A context with direct access off: every operation goes through UCP. */
    static synchronized DsmContext ucpContext() {
        if (sharedUcp == null) {
            sharedUcp = DsmContext.create(world(), false);
            Ranks.atEnd(sharedUcp::close);
        }
        return sharedUcp;
    }
}
