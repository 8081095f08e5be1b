package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import org.jmpi.test.MpiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Counts beyond MPI's int on the segment path: sent and received as one element of a
 * derived type. The limit is lowered to 1000 elements so that small messages take that
 * path; one test passes real counts above 2^31 - 1 (to and from PROC_NULL, so no memory
 * is touched).
 */
class LargeCountTest {
    private static final int LIMIT = 1000;
    private long oldLimit;
    private long builtBefore;

    @BeforeEach
    void lowerTheLimit() {
        oldLimit = LargeCounts.limit(LIMIT);
        builtBefore = LargeCounts.BUILT.get();
    }

    @AfterEach
    void restoreTheLimit() {
        LargeCounts.limit(oldLimit);
    }

    private void assertLargePathTaken(int atLeast) {
        long built = LargeCounts.BUILT.get() - builtBefore;
        assertTrue(built >= atLeast, "large-count types built: " + built + ", expected at least " + atLeast);
    }

    private static int next(Comm c) {
        return (c.rank() + 1) % c.size();
    }

    private static int prev(Comm c) {
        return (c.rank() + c.size() - 1) % c.size();
    }

    private static MemorySegment ints(Arena arena, int n, int base) {
        MemorySegment s = arena.allocate(JAVA_INT, n);
        for (int i = 0; i < n; i++) {
            s.setAtIndex(JAVA_INT, i, base + i);
        }
        return s;
    }

    private static void checkInts(MemorySegment s, int n, int base) {
        for (int i = 0; i < n; i++) {
            assertEquals(base + i, s.getAtIndex(JAVA_INT, i), "element " + i);
        }
    }

    @MpiTest
    void blockingSendAndReceiveOfSegments() {
        Comm world = TestMpi.world();
        int n = 3 * LIMIT + 500;
        try (Arena arena = Arena.ofConfined()) {
            Request exact = world.isend(ints(arena, n, world.rank() * 100_000), Datatype.INT, next(world), 1);
            MemorySegment in = arena.allocate(JAVA_INT, n);
            Status st = world.recv(in, Datatype.INT, prev(world), 1);
            exact.waitFor();
            checkInts(in, n, prev(world) * 100_000);
            assertEquals(n, st.count(Datatype.INT));
            assertEquals(n, st.elements(Datatype.INT));
        }
        assertLargePathTaken(2);
    }

    @MpiTest
    void receiveIntoALargerBufferAndSynchronousSend() {
        Comm world = TestMpi.world();
        int n = 2 * LIMIT + 1;
        try (Arena arena = Arena.ofConfined()) {
            Request sent = world.issend(ints(arena, n, 5), Datatype.INT, next(world), 2);
            MemorySegment big = arena.allocate(JAVA_INT, 5 * LIMIT);
            Status st = world.recv(big, Datatype.INT, prev(world), 2);
            sent.waitFor();
            checkInts(big, n, 5);
            assertEquals(n, st.elements(Datatype.INT));
            if (world.size() > 1) {
                if (world.rank() == 0) {
                    world.ssend(ints(arena, n, 11), Datatype.INT, 1, 3);
                } else if (world.rank() == 1) {
                    MemorySegment in = arena.allocate(JAVA_INT, n);
                    world.recv(in, Datatype.INT, 0, 3);
                    checkInts(in, n, 11);
                }
            }
        }
        assertLargePathTaken(2);
    }

    @MpiTest
    void javaArraysTakeTheLargePathToo() {
        Comm world = TestMpi.world();
        int n = LIMIT * 2 + 17;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_LONG, n);
            for (int i = 0; i < n; i++) {
                out.setAtIndex(JAVA_LONG, i, (long) world.rank() << 32 | i);
            }
            Request s = world.isend(out, Datatype.INT64, next(world), 4);
            long[] in = new long[n];
            world.recv(in, prev(world), 4);
            s.waitFor();
            for (int i = 0; i < n; i++) {
                assertEquals((long) prev(world) << 32 | i, in[i]);
            }
            if (world.size() > 1 && world.rank() < 2) {
                if (world.rank() == 0) {
                    long[] heap = new long[n];
                    java.util.Arrays.setAll(heap, i -> -i);
                    world.send(heap, 1, 5);
                } else {
                    MemorySegment got = arena.allocate(JAVA_LONG, n);
                    world.recv(got, Datatype.INT64, 0, 5);
                    assertEquals(-(n - 1), got.getAtIndex(JAVA_LONG, n - 1));
                }
            }
        }
        assertLargePathTaken(2);
    }

    @MpiTest
    void nonblockingAndPersistentRequests() {
        Comm world = TestMpi.world();
        int n = 4 * LIMIT + 3;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(JAVA_INT, n);
            Request r = world.irecv(in, Datatype.INT, prev(world), 5);
            Request s = world.isend(ints(arena, n, -world.rank()), Datatype.INT, next(world), 5);
            Request.waitAll(r, s);
            checkInts(in, n, -prev(world));
            MemorySegment out = ints(arena, n, 0);
            try (Request ps = world.sendInit(out, Datatype.INT, next(world), 6);
                 Request pr = world.recvInit(in, Datatype.INT, prev(world), 6)) {
                for (int round = 0; round < 3; round++) {
                    out.setAtIndex(JAVA_INT, n - 1, round);
                    Request.startAll(pr, ps);
                    Request.waitAll(pr, ps);
                    assertEquals(round, in.getAtIndex(JAVA_INT, n - 1));
                    assertEquals(n - 2, in.getAtIndex(JAVA_INT, n - 2));
                }
            }
        }
    }

    @MpiTest
    void broadcastAndMatchedReceives() {
        Comm world = TestMpi.world();
        int n = 3 * LIMIT;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = world.rank() == 0 ? ints(arena, n, 42) : arena.allocate(JAVA_INT, n);
            world.bcast(buf, Datatype.INT, 0);
            checkInts(buf, n, 42);
            world.ibcast(buf, Datatype.INT, 0).waitFor();
            checkInts(buf, n, 42);
            Request s = world.isend(ints(arena, n + 1, 3), Datatype.INT, next(world), 7);
            Message m = world.mprobe(prev(world), 7);
            assertEquals(n + 1, m.elements(Datatype.INT));
            MemorySegment in = arena.allocate(JAVA_INT, n + 1);
            m.recv(in, Datatype.INT);
            checkInts(in, n + 1, 3);
            s.waitFor();
            Request s2 = world.isend(ints(arena, n + 2, 4), Datatype.INT, next(world), 8);
            Message m2 = world.mprobe(prev(world), 8);
            MemorySegment in2 = arena.allocate(JAVA_INT, n + 2);
            m2.irecv(in2, Datatype.INT).waitFor();
            s2.waitFor();
            checkInts(in2, n + 2, 4);
        }
        assertLargePathTaken(6);
    }

    @MpiTest
    void derivedBaseTypesKeepTheirLayout() {
        Comm world = TestMpi.world();
        int n = 2 * LIMIT + 501;
        // every element: ints 0 and 2 of three (extent 12 bytes, a hole in the middle)
        try (Arena arena = Arena.ofConfined(); Datatype gappy = Datatype.vector(2, 1, 2, Datatype.INT)) {
            assertEquals(12, gappy.extent());
            MemorySegment out = ints(arena, 3 * n, 0);
            MemorySegment in = arena.allocate(JAVA_INT, 2 * n);
            Request s = world.isend(out, gappy, next(world), 9);
            world.recv(in, Datatype.INT, prev(world), 9);
            s.waitFor();
            for (int e = 0; e < n; e++) {
                assertEquals(3 * e, in.getAtIndex(JAVA_INT, 2 * e), "element " + e);
                assertEquals(3 * e + 2, in.getAtIndex(JAVA_INT, 2 * e + 1), "element " + e);
            }
        }
    }

    @MpiTest
    void countsAboveIntMaxArePassedThroughDerivedTypes() throws Throwable {
        Comm world = TestMpi.world();
        LargeCounts.limit(Integer.MAX_VALUE);
        long bytes = (5L << 30) + 12346;
        MemorySegment huge = Mmap.reserve(bytes);
        try {
            long before = LargeCounts.BUILT.get();
            world.send(huge, Datatype.BYTE, Comm.PROC_NULL, 0);
            Status st = world.recv(huge, Datatype.BYTE, Comm.PROC_NULL, 0);
            assertEquals(Comm.PROC_NULL, st.source());
            world.isend(huge, Datatype.BYTE, Comm.PROC_NULL, 0).waitFor();
            world.irecv(huge, Datatype.BYTE, Comm.PROC_NULL, 0).waitFor();
            world.send(huge, Datatype.INT16, Comm.PROC_NULL, 0);
            assertEquals(5, LargeCounts.BUILT.get() - before);
        } finally {
            Mmap.release(huge);
        }
        // the type itself: 5 blocks of 2^30 bytes and the rest, one element of exactly that size
        try (Datatype t = LargeCounts.type(bytes, Datatype.BYTE)) {
            assertEquals(bytes, t.size());
            assertEquals(bytes, t.extent());
        }
    }

    @MpiTest
    void theTypeHasTheRightSizeForEveryRemainder() {
        TestMpi.mpi();
        for (long n : new long[] {LIMIT + 1, 2L * LIMIT, 7L * LIMIT + 999}) {
            try (Datatype t = LargeCounts.type(n, Datatype.DOUBLE)) {
                assertEquals(n * 8, t.size());
                assertEquals(n * 8, t.extent());
            }
        }
        try (Datatype t = LargeCounts.bytesAt(100, 2500)) {
            assertEquals(2500, t.size());
            assertEquals(100, t.trueLowerBound());
        }
        assertArrayEquals(new long[] {LIMIT}, new long[] {LargeCounts.limit()});
    }

    /** Address space without memory: an anonymous, unreserved mapping that nothing here touches. */
    static final class Mmap {
        private static final Linker LINKER = Linker.nativeLinker();
        private static final MethodHandle MMAP = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("mmap"),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
        private static final MethodHandle MUNMAP = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("munmap"),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
        private static final int PROT_READ_WRITE = 0x3;
        private static final int MAP_PRIVATE_ANONYMOUS_NORESERVE = 0x02 | 0x20 | 0x4000;

        static MemorySegment reserve(long bytes) throws Throwable {
            MemorySegment p = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, bytes, PROT_READ_WRITE,
                    MAP_PRIVATE_ANONYMOUS_NORESERVE, -1, 0L);
            assertTrue(p.address() != -1L, "mmap failed");
            return p.reinterpret(bytes);
        }

        static void release(MemorySegment s) throws Throwable {
            assertEquals(0, (int) MUNMAP.invokeExact(s, s.byteSize()));
        }
    }
}
