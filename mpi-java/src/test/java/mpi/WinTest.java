package mpi;

import java.nio.IntBuffer;
import java.nio.LongBuffer;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One-sided communication: the creation flavors, active and passive synchronization, atomics, requests. */
class WinTest {

    static int next(Comm c) throws MPIException {
        return (c.getRank() + 1) % c.getSize();
    }

    static int prev(Comm c) throws MPIException {
        return (c.getRank() - 1 + c.getSize()) % c.getSize();
    }

    /**
     * Whether windows over the caller's memory (and dynamic ones) exist on {@code comm}:
     * not on one process with Open MPI 4.1 as Debian configures it, where creation fails
     * with MPI_ERR_WIN, which is asserted.
     */
    static boolean creatable(Intracomm comm) throws MPIException {
        if (comm.getSize() > 1 || TestEnv.mpich()) {
            return true;
        }
        Intracomm returning = TestEnv.returning();
        TestEnv.failsWith(MPI.ERR_WIN, () -> new Win(MPI.newIntBuffer(4), 4, 1, MPI.INFO_NULL, returning));
        TestEnv.failsWith(MPI.ERR_WIN, () -> new Win(MPI.INFO_NULL, returning));
        returning.free();
        return false;
    }

    /** Whether Open MPI 4.1.4 refuses compare-and-swap on a window of {@code n} processes not allocated shared. */
    static boolean casRefused(int n, boolean shared) {
        return !TestEnv.mpich() && n > 1 && !shared;
    }

    @MpiTest
    void createExposesTheBufferToFenceEpochs() throws MPIException {
        Intracomm world = TestEnv.world();
        if (!creatable(world)) {
            return;
        }
        int me = world.getRank();
        IntBuffer mem = MPI.newIntBuffer(8);
        for (int i = 0; i < 8; i++) {
            mem.put(i, -1);
        }
        Win win = new Win(mem, 8, 1, MPI.INFO_NULL, world);
        assertEquals(32, win.getAttr(MPI.WIN_SIZE), "bytes of 8 ints");
        assertEquals(4, win.getAttr(MPI.WIN_DISP_UNIT), "one int");
        assertNotEquals(0L, win.getAttr(MPI.WIN_BASE));
        IntBuffer out = MPI.newIntBuffer(2);
        out.put(0, 100 * me).put(1, 100 * me + 1);
        win.fence(0);
        win.put(out, 2, MPI.INT, next(world), 3, 2, MPI.INT);
        win.fence(0);
        assertEquals(100 * prev(world), mem.get(3), "the window is the buffer");
        assertEquals(100 * prev(world) + 1, mem.get(4));
        assertEquals(-1, mem.get(2));
        assertEquals(-1, mem.get(5));
        mem.put(7, 7000 + me);
        IntBuffer in = MPI.newIntBuffer(3);
        win.fence(0);
        win.get(in, 3, MPI.INT, next(world), 3, 3, MPI.INT);
        win.fence(0);
        assertEquals(100 * me, in.get(0), "my own put, read back from my neighbour");
        assertEquals(100 * me + 1, in.get(1));
        assertEquals(-1, in.get(2));
        win.fence(0);
        win.get(in, 1, MPI.INT, next(world), 7, 1, MPI.INT);
        win.fence(MPI.MODE_NOSUCCEED);
        assertEquals(7000 + next(world), in.get(0));
        win.free();
    }

    @MpiTest
    void allocatedFlavorsReportTheirAddressAndCarryData() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        for (int flavor : new int[] {Win.FLAVOR_PRIVATE, Win.FLAVOR_SHARED}) {
            LongBuffer base = MPI.newLongBuffer(1);
            Win win = new Win(4, 1, MPI.INFO_NULL, world, base, flavor);
            long address = base.get(0);
            assertNotEquals(0L, address, "MPI returned the address of the memory");
            assertEquals(address, win.getAttr(MPI.WIN_BASE));
            assertEquals(32, win.getAttr(MPI.WIN_SIZE), "4 longs");
            assertEquals(8, win.getAttr(MPI.WIN_DISP_UNIT));
            LongBuffer value = MPI.newLongBuffer(4);
            for (int i = 0; i < 4; i++) {
                value.put(i, 1000L * me + i);
            }
            win.fence(MPI.MODE_NOPRECEDE);
            win.put(value, 4, MPI.LONG, next(world), 0, 4, MPI.LONG);
            win.fence(0);
            LongBuffer got = MPI.newLongBuffer(4);
            win.get(got, 4, MPI.LONG, me, 0, 4, MPI.LONG);
            win.fence(MPI.MODE_NOSUCCEED);
            for (int i = 0; i < 4; i++) {
                assertEquals(1000L * prev(world) + i, got.get(i), "flavor " + flavor + ", element " + i);
            }
            assertEquals(n, win.getGroup().getSize());
            win.free();
        }
    }

    @MpiTest
    void accumulateAndGetAccumulateCombineAtTheTarget() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        Win win = new Win(2, 1, MPI.INFO_NULL, world, MPI.newIntBuffer(2), Win.FLAVOR_PRIVATE);
        IntBuffer one = MPI.newIntBuffer(2);
        one.put(0, me + 1).put(1, 2);
        win.fence(0);
        win.accumulate(one, 2, MPI.INT, 0, 0, 2, MPI.INT, MPI.SUM);
        win.fence(0);
        IntBuffer got = MPI.newIntBuffer(2);
        win.getAccumulate(null, 0, MPI.INT, got, 2, MPI.INT, 0, 0, 2, MPI.INT, MPI.NO_OP);
        win.fence(0);
        assertEquals(n * (n + 1) / 2, got.get(0));
        assertEquals(2 * n, got.get(1));
        if (me == 0) {
            IntBuffer repl = MPI.newIntBuffer(2);
            repl.put(0, 7).put(1, 8);
            win.getAccumulate(repl, 2, MPI.INT, got, 2, MPI.INT, n - 1, 0, 2, MPI.INT, MPI.REPLACE);
        }
        win.fence(0);
        if (me == 0) {
            assertEquals(n == 1 ? 1 : 0, got.get(0), "rank n-1's window before the replace");
        }
        win.getAccumulate(null, 0, MPI.INT, got, 1, MPI.INT, n - 1, 1, 1, MPI.INT, MPI.NO_OP);
        win.fence(0);
        assertEquals(8, got.get(0));
        win.accumulate(one, 1, MPI.INT, me, 0, 1, MPI.INT, MPI.MAX);
        win.fence(MPI.MODE_NOSUCCEED);
        win.free();
    }

    @MpiTest
    void passiveTargetAtomicsCountEveryProcess() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        Win win = new Win(1, 1, MPI.INFO_NULL, world, MPI.newLongBuffer(1), Win.FLAVOR_PRIVATE);
        LongBuffer inc = MPI.newLongBuffer(1);
        inc.put(0, 1);
        LongBuffer before = MPI.newLongBuffer(1);
        win.lock(MPI.LOCK_EXCLUSIVE, 0, 0);
        win.fetchAndOp(inc, before, MPI.LONG, 0, 0, MPI.SUM);
        win.unlock(0);
        assertTrue(before.get(0) >= 0 && before.get(0) < n, "ticket " + before.get(0));
        long[] tickets = new long[n];
        world.allGather(new long[] {before.get(0)}, 1, MPI.LONG, tickets, 1, MPI.LONG);
        java.util.Arrays.sort(tickets);
        for (int i = 0; i < n; i++) {
            assertEquals(i, tickets[i], "every process drew its own ticket");
        }
        win.lockAll(0);
        win.sync();
        win.fetchAndOp(null, before, MPI.LONG, 0, 0, MPI.NO_OP);
        win.flush(0);
        assertEquals(n, before.get(0));
        win.unlockAll();
        win.free();

        for (boolean shared : new boolean[] {false, true}) {
            Win w = new Win(1, 1, MPI.INFO_NULL, world, MPI.newIntBuffer(1),
                    shared ? Win.FLAVOR_SHARED : Win.FLAVOR_PRIVATE);
            w.setErrhandler(MPI.ERRORS_RETURN);
            IntBuffer mine = MPI.newIntBuffer(1);
            mine.put(0, me + 1);
            IntBuffer zero = MPI.newIntBuffer(1);
            IntBuffer old = MPI.newIntBuffer(1);
            w.fence(0);
            w.fence(0);
            w.lock(MPI.LOCK_SHARED, 0, 0);
            if (casRefused(n, shared)) {
                TestEnv.failsWith(MPI.ERR_UNSUPPORTED_OPERATION,
                        () -> w.compareAndSwap(mine, zero, old, MPI.INT, 0, 0));
                w.unlock(0);
            } else {
                w.compareAndSwap(mine, zero, old, MPI.INT, 0, 0);
                w.unlock(0);
                int[] winners = {0};
                world.allReduce(new int[] {old.get(0) == 0 ? 1 : 0}, winners, 1, MPI.INT, MPI.SUM);
                assertEquals(1, winners[0], "exactly one swap found the initial 0 (shared " + shared + ")");
            }
            w.fence(0);
            w.free();
        }
    }

    @MpiTest
    void requestBasedCallsCompleteLocally() throws MPIException {
        Intracomm world = TestEnv.world();
        int me = world.getRank();
        Win win = new Win(4, 1, MPI.INFO_NULL, world, MPI.newIntBuffer(4), Win.FLAVOR_PRIVATE);
        IntBuffer out = MPI.newIntBuffer(2);
        out.put(0, me).put(1, -me);
        win.lockAll(0);
        Request put = win.rPut(out, 2, MPI.INT, next(world), 0, 2, MPI.INT);
        put.waitFor();
        Request acc = win.rAccumulate(out, 1, MPI.INT, next(world), 2, 1, MPI.INT, MPI.SUM);
        acc.waitFor();
        win.flushAll();
        win.unlockAll();
        world.barrier();
        IntBuffer in = MPI.newIntBuffer(3);
        win.lock(MPI.LOCK_SHARED, me, 0);
        Request get = win.rGet(in, 3, MPI.INT, me, 0, 3, MPI.INT);
        get.waitFor();
        win.unlock(me);
        assertEquals(prev(world), in.get(0));
        assertEquals(-prev(world), in.get(1));
        assertEquals(prev(world), in.get(2));
        IntBuffer res = MPI.newIntBuffer(1);
        win.lockAll(MPI.MODE_NOCHECK);
        Request ga = win.rGetAccumulate(out, 1, MPI.INT, res, 1, MPI.INT, me, 3, 1, MPI.INT, MPI.REPLACE);
        ga.waitFor();
        win.flushLocal(me);
        win.flushLocalAll();
        win.unlockAll();
        assertEquals(0, res.get(0), "element 3 was never written");
        world.barrier();
        win.free();
    }

    @MpiTest
    void generalActiveTargetPairsStartWithPost() throws MPIException {
        Intracomm world = TestEnv.world();
        int me = world.getRank();
        Win win = new Win(1, 1, MPI.INFO_NULL, world, MPI.newIntBuffer(1), Win.FLAVOR_PRIVATE);
        Group all = win.getGroup();
        Group from = all.incl(new int[] {prev(world)});
        Group to = all.incl(new int[] {next(world)});
        IntBuffer value = MPI.newIntBuffer(1);
        value.put(0, 10 + me);
        win.post(from, 0);
        win.start(to, 0);
        win.put(value, 1, MPI.INT, next(world), 0, 1, MPI.INT);
        win.complete();
        while (!win.test()) {
            Thread.onSpinWait();
        }
        IntBuffer got = MPI.newIntBuffer(1);
        win.lock(MPI.LOCK_SHARED, me, 0);
        win.get(got, 1, MPI.INT, me, 0, 1, MPI.INT);
        win.unlock(me);
        assertEquals(10 + prev(world), got.get(0));
        world.barrier();
        win.post(from, MPI.MODE_NOPUT);
        win.start(to, 0);
        win.get(got, 1, MPI.INT, next(world), 0, 1, MPI.INT);
        win.complete();
        win.waitFor();
        assertEquals(10 + me, got.get(0));
        from.free();
        to.free();
        all.free();
        win.free();
    }

    @MpiTest
    void attributesNamesInfoAndErrorHandlers() throws MPIException {
        Intracomm world = TestEnv.world();
        Win win = new Win(1, 1, MPI.INFO_NULL, world, MPI.newByteBuffer(8), Win.FLAVOR_PRIVATE);
        int key = Win.createKeyval();
        win.setAttr(key, "rank " + world.getRank());
        assertEquals("rank " + world.getRank(), win.getAttr(key));
        win.deleteAttr(key);
        assertNull(win.getAttr(key));
        win.setAttr(key, 42);
        Win.freeKeyval(key);
        assertTrue(win.getName() != null);
        win.setName("halo window");
        assertEquals("halo window", win.getName());
        Info info = win.getInfo();
        assertTrue(info.size() >= 0);
        info.free();
        win.setInfo(MPI.INFO_NULL);
        assertEquals(MPI.ERRORS_ARE_FATAL, win.getErrhandler(), "a window's default handler");
        win.setErrhandler(MPI.ERRORS_RETURN);
        assertEquals(MPI.ERRORS_RETURN, win.getErrhandler());
        MPIException raised = TestEnv.failsWith(MPI.ERR_OTHER, () -> win.callErrhandler(MPI.ERR_OTHER));
        assertTrue(raised.getMessage().contains("MPI_Win_call_errhandler"), raised.getMessage());
        TestEnv.failsWith(MPI.ERR_ARG, () -> win.setName(null));
        TestEnv.failsWith(MPI.ERR_ARG, () -> win.setErrhandler(null));
        win.free();
        TestEnv.failsWith(MPI.ERR_WIN, win::free);
        TestEnv.failsWith(MPI.ERR_WIN, win::getName);
    }

    @MpiTest
    void dynamicWindowsAttachAndDetachBuffers() throws MPIException {
        Intracomm world = TestEnv.world();
        if (!creatable(world)) {
            return;
        }
        Win win = new Win(MPI.INFO_NULL, world);
        win.setErrhandler(MPI.ERRORS_RETURN);
        assertEquals(0L, win.getAttr(MPI.WIN_BASE), "a dynamic window has no memory of its own");
        IntBuffer a = MPI.newIntBuffer(16);
        IntBuffer b = MPI.newIntBuffer(4);
        win.attach(a, 16);
        win.attach(b, 4);
        TestEnv.failsWith(org.jmpi.ErrorCodes.ERR_RMA_ATTACH, () -> win.attach(MPI.slice(a, 4), 2));
        TestEnv.failsWith(MPI.ERR_SIZE, () -> win.attach(MPI.newIntBuffer(2), 3));
        win.detach(a);
        TestEnv.failsWith(MPI.ERR_BASE, () -> win.detach(a));
        win.attach(MPI.slice(a, 4), 2);
        win.detach(MPI.slice(a, 4));
        win.detach(b);
        world.barrier();
        win.free();
    }

    @MpiTest
    void misuseFailsWithItsErrorClass() throws MPIException {
        Intracomm returning = TestEnv.returning();
        int n = returning.getSize();
        assertThrows(IllegalArgumentException.class,
                () -> new Win(java.nio.IntBuffer.allocate(4), 4, 1, MPI.INFO_NULL, returning));
        TestEnv.failsWith(MPI.ERR_ARG, () -> new Win(1, 1, MPI.INFO_NULL, returning, MPI.newIntBuffer(1), 7));
        TestEnv.failsWith(MPI.ERR_SIZE, () -> new Win(-1, 1, MPI.INFO_NULL, returning, MPI.newIntBuffer(1),
                Win.FLAVOR_PRIVATE));
        TestEnv.failsWith(MPI.ERR_DISP, () -> new Win(1, 0, MPI.INFO_NULL, returning, MPI.newIntBuffer(1),
                Win.FLAVOR_PRIVATE));
        if (creatable(returning)) {
            TestEnv.failsWith(MPI.ERR_SIZE, () -> new Win(MPI.newIntBuffer(2), 3, 1, MPI.INFO_NULL, returning));
            TestEnv.failsWith(MPI.ERR_BUFFER,
                    () -> new Win(MPI.newIntBuffer(2).asReadOnlyBuffer(), 2, 1, MPI.INFO_NULL, returning));
        }
        Win win = new Win(4, 1, MPI.INFO_NULL, returning, MPI.newIntBuffer(4), Win.FLAVOR_PRIVATE);
        win.setErrhandler(MPI.ERRORS_RETURN);
        IntBuffer one = MPI.newIntBuffer(1);
        assertThrows(IllegalArgumentException.class,
                () -> win.put(java.nio.IntBuffer.allocate(1), 1, MPI.INT, 0, 0, 1, MPI.INT));
        assertThrows(IllegalArgumentException.class, () -> win.put(one, 1, MPI.INT, 0, 0, 1, MPI.FLOAT));
        TestEnv.failsWith(MPI.ERR_ASSERT, () -> win.fence(MPI.MODE_NOCHECK));
        TestEnv.failsWith(MPI.ERR_ASSERT, () -> win.fence(1 << 30));
        TestEnv.failsWith(MPI.ERR_LOCKTYPE, () -> win.lock(12345, 0, 0));
        TestEnv.failsWith(MPI.ERR_RMA_SYNC, () -> win.unlock(0));
        TestEnv.failsWith(MPI.ERR_RMA_SYNC, () -> win.rPut(one, 1, MPI.INT, 0, 0, 1, MPI.INT));
        TestEnv.failsWith(MPI.ERR_RMA_SYNC, win::complete);
        win.fence(0);
        TestEnv.failsWith(org.jmpi.ErrorCodes.ERR_RMA_RANGE, () -> win.put(one, 1, MPI.INT, 0, 4, 1, MPI.INT));
        TestEnv.failsWith(MPI.ERR_DISP, () -> win.put(one, 1, MPI.INT, 0, -1, 1, MPI.INT));
        TestEnv.failsWith(MPI.ERR_RANK, () -> win.put(one, 1, MPI.INT, n, 0, 1, MPI.INT));
        TestEnv.failsWith(MPI.ERR_OP, () -> win.accumulate(one, 1, MPI.INT, 0, 0, 1, MPI.INT, null));
        TestEnv.failsWith(MPI.ERR_BUFFER, () -> win.get(one, 2, MPI.INT, 0, 0, 2, MPI.INT));
        TestEnv.failsWith(MPI.ERR_TYPE, () -> win.get(one, 1, null, 0, 0, 1, MPI.INT));
        Op mine = new Op(new UserFunction() { }, true);
        TestEnv.failsWith(MPI.ERR_OP, () -> win.accumulate(one, 1, MPI.INT, 0, 0, 1, MPI.INT, mine));
        mine.free();
        win.put(one, 1, MPI.INT, MPI.PROC_NULL, 0, 1, MPI.INT);
        win.fence(0);
        win.lockAll(0);
        TestEnv.failsWith(MPI.ERR_RMA_SYNC, win::free);
        win.unlockAll();
        win.free();
        returning.free();
    }
}
