package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.jmpi.Checks.fails;
import static org.jmpi.Checks.next;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Split collective file access (MPI_File_*_begin / *_end): explicit offsets, the
 * individual and the shared (ordered) file pointer, arrays, Bufs and segments, reads that
 * reach past the end of the file (which Open MPI 4.1 would never finish unclipped), and
 * the rules: one split collective per file, ended on its thread with its buffer, and no
 * other collective I/O in between.
 */
class SplitCollectiveTest {
    private static final int N = 256;

    private static int value(int rank, int i) {
        return rank * 100_000 + i;
    }

    private static int[] block(int rank) {
        return Checks.fill(N, i -> value(rank, i));
    }

    private static void syncAll(MpiFile f, Comm world) {
        f.sync();
        world.barrier();
        f.sync();
    }

    @MpiTest
    void explicitOffsetsAroundOtherWork() {
        Comm world = TestMpi.world();
        int n = world.size();
        int peer = next(world);
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("at.dat"), FileMode.RDWR, FileMode.CREATE);
             Arena arena = Arena.ofConfined()) {
            int[] mine = block(world.rank());
            f.writeAtAllBegin((long) world.rank() * N * 4, mine);
            java.util.Arrays.fill(mine, -7); // the begin call took a copy: the array may be reused at once
            Status written = f.writeAtAllEnd(mine);
            assertEquals(N, written.count(Datatype.INT32));
            syncAll(f, world);

            int[] got = new int[N];
            f.readAtAllBegin((long) peer * N * 4, got);
            assertArrayEquals(new int[N], got, "an array receives the data at the end call");
            Status read = f.readAtAllEnd(got);
            assertEquals(N, read.count(Datatype.INT32));
            assertArrayEquals(block(peer), got);

            MemorySegment seg = arena.allocate(JAVA_INT, N);
            f.readAtAllBegin((long) peer * N * 4 + 8, seg, N / 2, Datatype.INT32);
            assertEquals(N / 2, f.readAtAllEnd(seg).count(Datatype.INT32));
            for (int i = 0; i < N / 2; i++) {
                assertEquals(value(peer, i + 2), seg.getAtIndex(JAVA_INT, i));
            }

            // past the end of the file: rank r's read starts 5 (r + 1) ints before it
            long end = (long) n * N;
            int[] tail = Checks.fill(N, i -> -1);
            f.readAtAllBegin((end - 5L * (world.rank() + 1)) * 4, tail);
            assertEquals(5 * (world.rank() + 1), f.readAtAllEnd(tail).count(Datatype.INT32));
            for (int i = 0; i < 5 * (world.rank() + 1); i++) {
                long k = end - 5L * (world.rank() + 1) + i;
                assertEquals(value((int) (k / N), (int) (k % N)), tail[i], "int " + i + " before the end");
            }
            assertEquals(-1, tail[5 * (world.rank() + 1)], "nothing beyond the end of the file");
            MemorySegment beyond = arena.allocate(JAVA_INT, 4);
            f.readAtAllBegin(end * 4 + 100, beyond, Datatype.INT32);
            assertEquals(0, f.readAtAllEnd(beyond).count(Datatype.INT32));
        }
    }

    @MpiTest
    void individualPointersWithViewsAndBufs() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("individual.dat"), FileMode.RDWR, FileMode.CREATE)) {
            f.setView((long) world.rank() * 2 * N * 4, Datatype.INT32, Datatype.INT32);
            int[] mine = block(world.rank());
            f.writeAllBegin(Buf.of(mine, 0, N / 2));
            assertEquals(N / 2, f.writeAllEnd(Buf.of(mine, 0, N / 2)).count(Datatype.INT32), "an equal Buf ends it");
            f.writeAllBegin(MemorySegment.ofArray(mine).asSlice(2L * N), Datatype.INT32);
            assertEquals(N / 2, f.writeAllEnd(MemorySegment.ofArray(mine).asSlice(2L * N)).count(Datatype.INT32));
            assertEquals(N, f.position());
            syncAll(f, world);

            f.seek(0, MpiFile.Whence.SET);
            int[] twice = Checks.fill(2 * N, i -> -1);
            f.readAllBegin(twice);
            Status st = f.readAllEnd(twice);
            // the last rank's block ends the file after N ints; the others read the hole after theirs too
            boolean last = world.rank() == world.size() - 1;
            assertEquals(last ? N : 2 * N, st.count(Datatype.INT32));
            for (int i = 0; i < N; i++) {
                assertEquals(value(world.rank(), i), twice[i]);
            }
            assertEquals(last ? -1 : 0, twice[N]);
        }
    }

    /**
     * Ordered split collectives: rank r writes r + 1 ints, then every rank reads more than
     * that from the start, so the last ranks' reads run past the end of the file (some
     * wholly); each gets what C's MPI_File_read_ordered delivers.
     */
    @MpiTest
    void orderedAccessInRankOrder() {
        Comm world = TestMpi.world();
        int n = world.size();
        int r = world.rank();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("ordered.dat"), FileMode.RDWR, FileMode.CREATE);
             Arena arena = Arena.ofConfined()) {
            f.setView(0, Datatype.INT32, Datatype.INT32);
            MemorySegment out = arena.allocate(JAVA_INT, r + 1);
            for (int j = 0; j <= r; j++) {
                out.setAtIndex(JAVA_INT, j, r * 10 + j);
            }
            f.writeOrderedBegin(out, Datatype.INT32);
            assertEquals(r + 1, f.writeOrderedEnd(out).count(Datatype.INT32));
            syncAll(f, world);
            List<Integer> file = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                for (int j = 0; j <= k; j++) {
                    file.add(k * 10 + j);
                }
            }
            assertEquals(file.size(), f.positionShared());
            world.barrier(); // every rank has read the pointer before it is reset
            f.seekShared(0, MpiFile.Whence.SET);

            for (int extra : new int[] {2, n + 3}) {
                int start = 0;
                for (int k = 0; k < r; k++) {
                    start += k + extra;
                }
                int want = r + extra;
                int expected = Math.max(0, Math.min(want, file.size() - start));
                int[] in = Checks.fill(want, i -> -1);
                f.readOrderedBegin(in);
                assertEquals(expected, f.readOrderedEnd(in).count(Datatype.INT32), "ints read by rank " + r);
                for (int i = 0; i < expected; i++) {
                    assertEquals(file.get(start + i), in[i], "int " + i);
                }
                if (expected < want) {
                    assertEquals(-1, in[expected], "nothing past the end of the file");
                }
                world.barrier();
                f.seekShared(0, MpiFile.Whence.SET);
            }
        }
    }

    @MpiTest
    void oneSplitCollectiveAtATimeWithItsBuffer() throws Exception {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            MpiFile f = MpiFile.open(world, dir.file("rules.dat"), FileMode.RDWR, FileMode.CREATE);
            int[] data = {world.rank(), 1, 2, 3};
            fails(IllegalStateException.class, "readAtAllEnd() without readAtAllBegin()", () -> f.readAtAllEnd(data));
            f.writeAtAllBegin(16L * world.rank(), data);
            fails(IllegalStateException.class, "writeAtAllBegin() is active; readAllBegin() must wait until"
                    + " writeAtAllEnd()", () -> f.readAllBegin(new int[1]));
            fails(IllegalStateException.class, "writeAtAllBegin() is active; MPI_File_write_all must wait",
                    () -> f.writeAll(new int[1]));
            fails(IllegalStateException.class, "MPI_File_iread_at_all must wait",
                    () -> f.ireadAtAll(0, new int[1]));
            fails(IllegalStateException.class, "close() must wait", f::close);
            fails(IllegalStateException.class, "setView() must wait",
                    () -> f.setView(0, Datatype.INT32, Datatype.INT32));
            fails(IllegalStateException.class, "the active split collective is writeAtAllBegin(); end it with"
                    + " writeAtAllEnd(), not readAtAllEnd()", () -> f.readAtAllEnd(data));
            fails(IllegalArgumentException.class, "buf: not the buffer given to writeAtAllBegin()",
                    () -> f.writeAtAllEnd(data.clone()));
            fails(NullPointerException.class, "buf", () -> f.writeAtAllEnd(null));
            AtomicReference<Throwable> elsewhere = new AtomicReference<>();
            Thread.ofPlatform().name("other-thread").start(() -> {
                try {
                    f.writeAtAllEnd(data);
                } catch (Throwable t) {
                    elsewhere.set(t);
                }
            }).join();
            assertTrue(elsewhere.get() instanceof IllegalStateException
                    && elsewhere.get().getMessage().contains("MPI needs its end on the same thread"),
                    String.valueOf(elsewhere.get()));
            assertEquals(Set.of(FileMode.RDWR, FileMode.CREATE), f.modes(), "independent calls are allowed meanwhile");
            assertEquals(4, f.writeAtAllEnd(data).count(Datatype.INT32));
            fails(IllegalStateException.class, "writeAtAllEnd() without writeAtAllBegin()", () -> f.writeAtAllEnd(data));

            fails(IllegalArgumentException.class, "offset: must not be negative", () -> f.readAtAllBegin(-1, data));
            fails(NullPointerException.class, "buf", () -> f.readAllBegin(null));
            fails(IllegalArgumentException.class, "buf", () -> f.readAllBegin(
                    MemorySegment.ofArray(new int[2]).asReadOnly(), Datatype.INT32));
            fails(IllegalArgumentException.class, "count", () -> f.writeAllBegin(
                    MemorySegment.ofArray(new int[2]), -2, Datatype.INT32));
            f.close();
            fails(IllegalStateException.class, "rules.dat", () -> f.readAllBegin(data));

            try (MpiFile ro = MpiFile.open(world, dir.file("rules.dat"), Set.of(FileMode.RDONLY))) {
                fails(IllegalStateException.class, "was opened RDONLY: writeOrderedBegin cannot write it",
                        () -> ro.writeOrderedBegin(data));
                int[] back = new int[4];
                ro.readAtAllBegin(16L * world.rank(), back);
                ro.readAtAllEnd(back);
                assertArrayEquals(data, back);
            }
        }
    }
}
