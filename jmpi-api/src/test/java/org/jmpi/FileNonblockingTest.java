package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nonblocking file access: explicit offsets, both file pointers and the MPI-3.1 collective forms. */
class FileNonblockingTest {
    private static final int N = 512;

    private static MemorySegment filled(Arena arena, int rank, int salt) {
        MemorySegment seg = arena.allocate(JAVA_INT, N);
        for (int i = 0; i < N; i++) {
            seg.setAtIndex(JAVA_INT, i, rank * 100_000 + salt * 1000 + i);
        }
        return seg;
    }

    private static void assertFilled(MemorySegment seg, int rank, int salt) {
        for (int i = 0; i < N; i++) {
            assertEquals(rank * 100_000 + salt * 1000 + i, seg.getAtIndex(JAVA_INT, i), "int " + i);
        }
    }

    private static void syncAll(MpiFile f, Comm world) {
        f.sync();
        world.barrier();
        f.sync();
    }

    @MpiTest
    void explicitOffsetsCompleteWithTheirCounts() {
        Comm world = TestMpi.world();
        int peer = (world.rank() + 1) % world.size();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("at.dat"), FileMode.RDWR, FileMode.CREATE);
             Arena arena = Arena.ofConfined()) {
            Request w1 = f.iwriteAt((long) world.rank() * 2 * N * 4, filled(arena, world.rank(), 1), Datatype.INT);
            Request w2 = f.iwriteAt((long) (world.rank() * 2 + 1) * N * 4, filled(arena, world.rank(), 2), N / 2,
                    Datatype.INT);
            Status[] st = {new Status(), new Status()};
            Request.waitAll(new Request[] {w1, w2}, st);
            assertEquals(N, st[0].count(Datatype.INT));
            assertEquals(N / 2, st[1].count(Datatype.INT));
            syncAll(f, world);

            MemorySegment in = arena.allocate(JAVA_INT, N);
            Request r = f.ireadAt((long) peer * 2 * N * 4, in, Datatype.INT);
            Status rs = new Status();
            r.waitFor(rs);
            assertEquals(N, rs.count(Datatype.INT));
            assertFilled(in, peer, 1);

            MemorySegment half = arena.allocate(JAVA_INT, N);
            Status hs = new Status();
            f.ireadAt((long) (peer * 2 + 1) * N * 4, half, Datatype.INT).waitFor(hs);
            int expected = peer == world.size() - 1 ? N / 2 : N;
            assertEquals(expected, hs.count(Datatype.INT), "the last rank's block is half written: a short read");
            for (int i = 0; i < N / 2; i++) {
                assertEquals(peer * 100_000 + 2000 + i, half.getAtIndex(JAVA_INT, i));
            }
        }
    }

    @MpiTest
    void individualPointerMovesWhenTheOperationStarts() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("individual.dat"), FileMode.RDWR, FileMode.CREATE);
             Arena arena = Arena.ofConfined()) {
            f.setView((long) world.rank() * 2 * N * 4, Datatype.INT, Datatype.INT);
            Request a = f.iwrite(filled(arena, world.rank(), 3), Datatype.INT);
            assertEquals(N, f.position(), "the pointer moves when the write starts");
            Request b = f.iwrite(filled(arena, world.rank(), 4), Datatype.INT);
            assertEquals(2 * N, f.position());
            Request.waitAll(a, b);
            f.seek(0, MpiFile.Whence.SET);
            MemorySegment first = arena.allocate(JAVA_INT, N);
            MemorySegment second = arena.allocate(JAVA_INT, N);
            Request ra = f.iread(first, Datatype.INT);
            Request rb = f.iread(second, Datatype.INT);
            Request.waitAll(ra, rb);
            assertFilled(first, world.rank(), 3);
            assertFilled(second, world.rank(), 4);
        }
    }

    @MpiTest
    void sharedPointerBlocksLandOnceEach() throws Exception {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("shared.dat"), FileMode.RDWR, FileMode.CREATE);
             Arena arena = Arena.ofConfined()) {
            f.setView(0, Datatype.INT, Datatype.INT);
            Status ws = f.iwriteShared(filled(arena, world.rank(), 5), Datatype.INT).future().get(60, TimeUnit.SECONDS);
            assertEquals(N, ws.count(Datatype.INT));
            syncAll(f, world);
            assertEquals((long) world.size() * N, f.positionShared());
            world.barrier(); // every rank has read the pointer before rank 0 resets it
            f.seekShared(0, MpiFile.Whence.SET);
            MemorySegment in = arena.allocate(JAVA_INT, N);
            Status rs = new Status();
            f.ireadShared(in, Datatype.INT).waitFor(rs);
            assertEquals(N, rs.count(Datatype.INT));
            int owner = in.getAtIndex(JAVA_INT, 0) / 100_000;
            assertFilled(in, owner, 5);
            int[] owners = {1 << owner};
            world.allreduce(owners, Op.BOR);
            assertEquals((1 << world.size()) - 1, owners[0], "every rank's block was read back by one rank");
        }
    }

    @MpiTest
    void collectiveFormsThroughAView() {
        Comm world = TestMpi.world();
        int size = world.size();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("collective.dat"), FileMode.RDWR, FileMode.CREATE);
             Datatype one = Datatype.resized(0, 8L * size, Datatype.LONG);
             Arena arena = Arena.ofConfined()) {
            f.setView(8L * world.rank(), Datatype.LONG, one);
            MemorySegment out = arena.allocate(JAVA_LONG, N);
            for (int i = 0; i < N; i++) {
                out.setAtIndex(JAVA_LONG, i, (long) i * size + world.rank());
            }
            Status ws = new Status();
            f.iwriteAll(out.asSlice(0, 8L * (N / 2)), Datatype.LONG).waitFor(ws);
            assertEquals(N / 2, ws.count(Datatype.LONG));
            f.iwriteAtAll(N / 2, out.asSlice(8L * (N / 2)), Datatype.LONG).waitFor();
            syncAll(f, world);
            f.setView(0, Datatype.LONG, Datatype.LONG);
            MemorySegment all = arena.allocate(JAVA_LONG, (long) N * size);
            Status as = new Status();
            f.ireadAtAll(0, all, Datatype.LONG).waitFor(as);
            assertEquals(N * size, as.count(Datatype.LONG));
            for (int k = 0; k < N * size; k++) {
                assertEquals(k, all.getAtIndex(JAVA_LONG, k), "long " + k + " of the file");
            }
            f.seek(world.rank(), MpiFile.Whence.SET);
            MemorySegment mine = arena.allocate(JAVA_LONG, 3);
            f.ireadAll(mine, Datatype.LONG).waitFor();
            for (int i = 0; i < 3; i++) {
                assertEquals(world.rank() + i, mine.getAtIndex(JAVA_LONG, i));
            }
        }
    }

    @MpiTest
    void readsReachingTheEndOfTheFileAreShort() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(TestMpi.mpi().self(), dir.file("short-" + world.rank() + ".dat"),
                     FileMode.RDWR, FileMode.CREATE);
             Datatype everyOther = Datatype.resized(0, 8, Datatype.INT);
             Datatype pair = Datatype.contiguous(2, Datatype.INT);
             Arena arena = Arena.ofConfined()) {
            int[] ten = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
            f.write(ten);
            MemorySegment in = arena.allocate(JAVA_INT, 8);
            Status st = new Status();
            f.ireadAt(32, in, Datatype.INT).waitFor(st);
            assertEquals(2, st.count(Datatype.INT), "a contiguous read past the end");
            assertEquals(9, in.getAtIndex(JAVA_INT, 1));
            f.ireadAt(40, in, Datatype.INT).waitFor(st);
            assertEquals(0, st.count(Datatype.INT), "a read at the end");

            f.setView(0, Datatype.INT, everyOther);
            f.ireadAt(0, in, Datatype.INT).waitFor(st);
            assertEquals(5, st.count(Datatype.INT), "ints 0, 2, 4, 6, 8 lie before the end; the view's holes do not count");
            for (int k = 0; k < 5; k++) {
                assertEquals(2 * k, in.getAtIndex(JAVA_INT, k));
            }
            f.seek(3, MpiFile.Whence.SET);
            f.iread(in, Datatype.INT).waitFor(st);
            assertEquals(2, st.count(Datatype.INT));
            assertEquals(8, in.getAtIndex(JAVA_INT, 1));
            f.seek(0, MpiFile.Whence.SET);
            f.ireadAll(in, Datatype.INT).waitFor(st);
            assertEquals(5, st.count(Datatype.INT), "the collective form is clipped alike");
            f.ireadAtAll(1, in, 4, pair).waitFor(st);
            assertEquals(2, st.count(pair), "4 ints lie before the end: 2 whole pairs");
            assertEquals(8, in.getAtIndex(JAVA_INT, 3));
            f.seekShared(4, MpiFile.Whence.SET);
            f.ireadShared(in, Datatype.INT).waitFor(st);
            assertEquals(1, st.count(Datatype.INT));
            assertEquals(8, in.getAtIndex(JAVA_INT, 0));
        }
    }

    @MpiTest
    void inFlightOperationsHoldTheFileOpen() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             Arena arena = Arena.ofConfined()) {
            MpiFile f = MpiFile.open(world, dir.file("inflight.dat"), FileMode.RDWR, FileMode.CREATE);
            Request w = f.iwriteAt((long) world.rank() * N * 4, filled(arena, world.rank(), 6), Datatype.INT);
            IllegalStateException close = assertThrows(IllegalStateException.class, f::close);
            assertTrue(close.getMessage().contains("in flight"), close.getMessage());
            IllegalStateException view = assertThrows(IllegalStateException.class,
                    () -> f.setView(0, Datatype.INT, Datatype.INT));
            assertTrue(view.getMessage().contains("in flight"), view.getMessage());
            IllegalStateException abandon = assertThrows(IllegalStateException.class, w::close);
            assertTrue(abandon.getMessage().contains("file operation"), abandon.getMessage());
            w.waitFor();
            f.close();
            assertThrows(IllegalStateException.class, f::size);
        }
    }

    @MpiTest
    void arraysAndHeapSegmentsGoThroughNativeCopies() {
        Comm world = TestMpi.world();
        int me = world.rank();
        int peer = (me + 1) % world.size();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("heap.dat"), FileMode.RDWR, FileMode.CREATE)) {
            int[] mine = new int[N];
            for (int i = 0; i < N; i++) {
                mine[i] = me * 100_000 + 7000 + i;
            }
            Request w = f.iwriteAt((long) me * N * 4, mine);
            java.util.Arrays.fill(mine, -1); // the call copied the array: changing it now changes nothing
            Status ws = new Status();
            w.waitFor(ws);
            assertEquals(N, ws.count(Datatype.INT32));
            syncAll(f, world);

            int[] in = new int[N];
            Request r = f.ireadAt((long) peer * N * 4, in);
            assertEquals(0, in[0], "a read's data arrive in the array when the request completes, not before");
            Status rs = new Status();
            r.waitFor(rs);
            assertEquals(N, rs.count(Datatype.INT32));
            for (int i = 0; i < N; i++) {
                assertEquals(peer * 100_000 + 7000 + i, in[i], "int " + i);
            }

            int[] middle = new int[30];
            java.util.Arrays.fill(middle, -5);
            f.ireadAt((long) peer * N * 4 + 8, Buf.of(middle, 10, 20)).waitFor(rs);
            assertEquals(20, rs.count(Datatype.INT32));
            assertEquals(-5, middle[9], "elements outside the Buf are left alone");
            assertEquals(peer * 100_000 + 7002, middle[10]);
            assertEquals(peer * 100_000 + 7021, middle[29]);

            MemorySegment heap = MemorySegment.ofArray(new int[8]);
            f.ireadAt((long) peer * N * 4, heap, 4, Datatype.INT).waitFor(rs);
            assertEquals(4, rs.count(Datatype.INT));
            assertEquals(peer * 100_000 + 7003, heap.getAtIndex(JAVA_INT, 3));
            assertEquals(0, heap.getAtIndex(JAVA_INT, 4));

            f.seek((long) me * N * 4, MpiFile.Whence.SET);
            int[] head = new int[4];
            Status cs = new Status();
            f.ireadAll(head).waitFor(cs);
            assertEquals(4, cs.count(Datatype.INT32), "the collective form takes arrays too");
            assertEquals(me * 100_000 + 7003, head[3], "the file holds what the array held when iwriteAt was called");
            world.barrier();
        }
    }
}
