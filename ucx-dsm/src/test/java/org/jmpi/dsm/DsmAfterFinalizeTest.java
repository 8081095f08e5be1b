package org.jmpi.dsm;

import org.jmpi.Comm;
import org.jmpi.Mpi;
import org.jmpi.Op;
import org.jmpi.ThreadLevel;
import org.jmpi.test.MpiTest;
import org.jmpi.test.Ranks;

import static org.jmpi.dsm.DsmMisuseTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A DSM context outlives {@code MPI_Finalize} for what needs only UCX, and refuses with an
 * {@link IllegalStateException} what needs the communicator (this class runs in a job of
 * its own: it initialises and finalises MPI itself).
 */
class DsmAfterFinalizeTest {

    @MpiTest
    void whatNeedsMpiIsRefusedAfterFinalize() {
        Mpi mpi = Mpi.init(ThreadLevel.MULTIPLE);
        Ranks.atEnd(mpi::close);
        Comm world = mpi.world();
        DsmContext ctx = DsmContext.create(world);
        Window w = ctx.allocate(16);
        ctx.barrier();
        mpi.close();

        String after = "MPI has been finalized: no MPI call is allowed after Mpi.close()";
        fails(IllegalStateException.class, after, () -> DsmContext.create(world));
        fails(IllegalStateException.class, after, ctx::barrier);
        fails(IllegalStateException.class, after, () -> ctx.allocate(8));
        fails(IllegalStateException.class, after, ctx::createLock);
        w.longs().put(42, ctx.rank(), 8);
        assertEquals(42, w.longs().get(ctx.rank(), 8));
        assertEquals(0, w.longs().fetchAndOp(5, ctx.rank(), 0, Op.SUM));
        w.close();
        ctx.close();
        fails(IllegalStateException.class, "DSM context is closed", () -> w.context().allocate(8));
    }
}
