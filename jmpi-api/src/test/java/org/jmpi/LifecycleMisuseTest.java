package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicReference;

import org.jmpi.test.MpiTest;
import org.jmpi.test.Ranks;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.jmpi.ArgumentCheckTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calls before {@code MPI_Init}, from a thread the thread level does not allow, and after
 * {@code MPI_Finalize} are {@link IllegalStateException}s saying so, never an Open MPI
 * abort. The multi-rank test runs in a job of its own: it initialises MPI at
 * {@link ThreadLevel#SINGLE} itself and finalises it.
 */
class LifecycleMisuseTest {

    /** In the test JVM, where MPI is never initialised. */
    @Test
    void refusedBeforeInit() {
        assertFalse(Mpi.isInitialized());
        String notYet = "MPI is not initialized: call Mpi.init() first";
        fails(IllegalStateException.class, notYet, Datatype.INT::extent);
        fails(IllegalStateException.class, "old: " + notYet, () -> Datatype.contiguous(2, Datatype.INT));
        fails(IllegalStateException.class, notYet, () -> Datatype.of(structLayout(paddingLayout(8))));
        fails(IllegalStateException.class, notYet, () -> Op.create((in, inout, n, t) -> { }, true));
        fails(IllegalStateException.class, notYet, () -> new Request().waitFor());
        fails(IllegalStateException.class, notYet, () -> Request.waitAll(new Request()));
        fails(IllegalStateException.class, notYet, () -> new Status().count(Datatype.INT));
        assertFalse(Mpi.isInitialized());
    }

    @MpiTest
    void refusedBeforeInitFromOtherThreadsAndAfterFinalize() throws Exception {
        fails(IllegalStateException.class, "MPI is not initialized", Datatype.DOUBLE::size);
        fails(IllegalStateException.class, "MPI is not initialized", () -> Datatype.of(structLayout(paddingLayout(4))));

        Mpi mpi = Mpi.init(ThreadLevel.SINGLE);
        Ranks.atEnd(mpi::close);
        assertEquals(ThreadLevel.SINGLE, mpi.threadLevel());
        fails(IllegalStateException.class, "MPI is already initialized", () -> Mpi.init(ThreadLevel.MULTIPLE));
        Comm world = mpi.world();
        int me = world.rank();
        for (Thread.Builder other : new Thread.Builder[] {Thread.ofPlatform(), Thread.ofVirtual()}) {
            AtomicReference<Throwable> seen = new AtomicReference<>();
            other.name("intruder").start(() -> {
                try {
                    world.send(new int[1], me, 0);
                } catch (Throwable t) {
                    seen.set(t);
                }
            }).join();
            assertTrue(seen.get() instanceof IllegalStateException, String.valueOf(seen.get()));
            assertTrue(seen.get().getMessage().contains("thread level SINGLE")
                    && seen.get().getMessage().contains("thread 'intruder' may not call MPI"), seen.get().getMessage());
        }

        Comm dup = world.dup();
        Datatype pair = Datatype.contiguous(2, Datatype.INT);
        Op op = Op.create((in, inout, n, t) -> { }, true);
        Group group = world.group();
        MemorySegment buf = Arena.global().allocate(JAVA_INT, 2);
        Request persistent = world.recvInit(buf, Datatype.INT, me, 1);
        world.barrier();
        mpi.close();
        mpi.close();
        assertTrue(Mpi.isFinalized());

        String after = "MPI has been finalized: no MPI call is allowed after Mpi.close()";
        fails(IllegalStateException.class, "MPI has been finalized and cannot be initialized again", Mpi::init);
        fails(IllegalStateException.class, after, mpi::world);
        fails(IllegalStateException.class, after, world::barrier);
        fails(IllegalStateException.class, after, () -> world.send(new int[1], me, 0));
        fails(IllegalStateException.class, after, dup::close);
        fails(IllegalStateException.class, after, pair::close);
        fails(IllegalStateException.class, after, op::close);
        fails(IllegalStateException.class, after, group::close);
        fails(IllegalStateException.class, after, persistent::start);
        fails(IllegalStateException.class, after, persistent::close);
        fails(IllegalStateException.class, after, () -> Datatype.of(structLayout(paddingLayout(8))));
        fails(IllegalStateException.class, after, () -> Op.create((in, inout, n, t) -> { }, false));
        fails(IllegalStateException.class, after, () -> mpi.attachBuffer(1024));
        fails(IllegalStateException.class, after, () -> Request.waitAll(new Request[0]));
    }
}
