package org.jmpi;

import java.util.concurrent.atomic.AtomicReference;

import org.jmpi.test.MpiTest;
import org.jmpi.test.Ranks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MPI initialised at {@link ThreadLevel#FUNNELED} (this class runs in its own job): the
 * initialising thread may call MPI, any other thread is refused with a message naming
 * the level, and the process stays usable.
 */
class ThreadLevelTest {
    private static Mpi mpi;

    private static synchronized Mpi mpi() {
        if (mpi == null) {
            mpi = Mpi.init(ThreadLevel.FUNNELED);
            Ranks.atEnd(mpi::close);
        }
        return mpi;
    }

    @MpiTest
    void otherThreadsAreRefusedAtFunneled() throws Exception {
        Comm world = mpi().world();
        assertTrue(mpi().threadLevel().compareTo(ThreadLevel.FUNNELED) >= 0);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread other = Thread.ofPlatform().name("not-the-mpi-thread").start(() -> {
            try {
                world.barrier();
            } catch (Throwable t) {
                seen.set(t);
            }
        });
        other.join();
        if (mpi().threadLevel() == ThreadLevel.FUNNELED) {
            Throwable t = seen.get();
            assertNotNull(t, "a call from another thread went through");
            assertTrue(t instanceof IllegalStateException, t.toString());
            assertTrue(t.getMessage().contains("FUNNELED") && t.getMessage().contains("not-the-mpi-thread"),
                    t.getMessage());
        }
        int[] sum = {1};
        world.allreduce(sum, Op.SUM);
        assertEquals(world.size(), sum[0]);
    }

    /**
     * At FUNNELED any thread may ask whether it is MPI's main thread (MPI_Is_thread_main),
     * since the answer tells whether it may call MPI; the other queries stay refused.
     */
    @MpiTest
    void anyThreadMayAskWhetherItIsTheMainThread() throws Exception {
        mpi();
        assertTrue(Mpi.isThreadMain(), "the thread that initialized MPI");
        assertEquals(mpi().threadLevel(), Mpi.queryThread());
        AtomicReference<Boolean> main = new AtomicReference<>();
        AtomicReference<Throwable> query = new AtomicReference<>();
        Thread.ofPlatform().name("asking-thread").start(() -> {
            main.set(Mpi.isThreadMain());
            try {
                Mpi.queryThread();
            } catch (Throwable t) {
                query.set(t);
            }
        }).join();
        assertEquals(Boolean.FALSE, main.get());
        if (mpi().threadLevel() == ThreadLevel.FUNNELED) {
            assertTrue(query.get() instanceof IllegalStateException, String.valueOf(query.get()));
            assertTrue(query.get().getMessage().contains("asking-thread"), query.get().getMessage());
        }
        mpi().world().barrier();
    }

    @MpiTest
    void virtualThreadsAreRefusedToo() throws Exception {
        Comm world = mpi().world();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try {
                world.rank();
            } catch (Throwable t) {
                seen.set(t);
            }
        }).join();
        if (mpi().threadLevel() == ThreadLevel.FUNNELED) {
            assertTrue(seen.get() instanceof IllegalStateException, String.valueOf(seen.get()));
        }
        world.barrier();
    }
}
