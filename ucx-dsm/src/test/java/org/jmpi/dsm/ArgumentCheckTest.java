package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.Op;
import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bounds, alignment and collective size errors are exceptions on every rank, before anything is sent. */
class ArgumentCheckTest {

    @MpiTest
    void outOfBoundsAccessIsRefused() {
        DsmContext ctx = TestDsm.context();
        int n = ctx.size();
        try (Window w = ctx.allocate(32)) {
            var e = assertThrows(IndexOutOfBoundsException.class, () -> w.put(new long[2], n - 1, 24));
            assertTrue(e.getMessage().contains("rank " + (n - 1)) && e.getMessage().contains("offset 24")
                    && e.getMessage().contains("length 16") && e.getMessage().contains("32 bytes"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> w.get(new long[1], 0, -8));
            assertThrows(IndexOutOfBoundsException.class, () -> w.longs().get(0, 32));
            assertThrows(IndexOutOfBoundsException.class, () -> w.longs().fetchAndOp(1, 0, 40, Op.SUM));
            assertThrows(IndexOutOfBoundsException.class, () -> w.longs().put(1, n, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> w.longs().put(1, -1, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> w.rput(new long[1], 0, Long.MAX_VALUE));
            assertThrows(NullPointerException.class, () -> w.put((MemorySegment) null, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> w.get(MemorySegment.ofArray(new long[1]).asReadOnly(), 0, 0));
            ctx.barrier();
        }
    }

    @MpiTest
    void misalignedWordsAreRefused() {
        DsmContext ctx = TestDsm.context();
        try (Window w = ctx.allocate(32)) {
            assertThrows(IllegalArgumentException.class, () -> w.longs().fetchAndOp(1, 0, 4, Op.SUM));
            assertThrows(IllegalArgumentException.class, () -> w.ints().accumulate(1, 0, 2, Op.SUM));
            assertThrows(IllegalArgumentException.class, () -> w.longs().get(0, 1));
            assertThrows(IllegalArgumentException.class, () -> w.longs().put(1L, 0, 12));
            assertThrows(IllegalArgumentException.class, () -> w.longs().compareAndSwap(1, 0, 0, 9));
            assertThrows(IllegalArgumentException.class,
                    () -> w.putWithSignal(MemorySegment.ofArray(new byte[1]), 0, 0, 20, 1, SignalOp.SET));
            assertEquals(0, w.ints().get(0, 4));
            ctx.barrier();
        }
    }

    @MpiTest
    void mismatchedAllocationSizesFailEverywhere() {
        DsmContext ctx = TestDsm.context();
        if (ctx.size() > 1) {
            var e = assertThrows(IllegalArgumentException.class, () -> ctx.allocate(64 + 8L * ctx.rank()));
            assertTrue(e.getMessage().startsWith("bytes:"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ctx.allocate(ctx.rank() == 0 ? 0 : 8));
        assertThrows(IllegalArgumentException.class, () -> ctx.allocate(-1));
        try (Window w = ctx.allocate(8)) {
            assertEquals(8, w.targetSize(0));
        }
    }

    @MpiTest(np = 1)
    void zeroOrNegativeAllocationFails() {
        DsmContext ctx = TestDsm.context();
        assertThrows(IllegalArgumentException.class, () -> ctx.allocate(0));
        assertThrows(IllegalArgumentException.class, () -> ctx.allocate(-1));
    }

    @MpiTest
    void badRegistrationFailsEverywhere() {
        DsmContext ctx = TestDsm.context();
        MemorySegment bad = ctx.rank() == 0 ? MemorySegment.ofArray(new long[4]) : Arena.ofAuto().allocate(32, 8);
        assertThrows(IllegalArgumentException.class, () -> ctx.register(bad));
        assertThrows(IllegalArgumentException.class, () -> ctx.register(ctx.rank() == 0 ? null : bad));
        ctx.barrier();
    }
}
