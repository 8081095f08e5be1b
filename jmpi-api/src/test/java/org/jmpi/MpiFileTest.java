package org.jmpi;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening, closing, deleting and sizing files, their modes, hints and errors. */
class MpiFileTest {
    private static final int N = 1000;

    private static int value(int rank, int i) {
        return rank * 100_000 + i;
    }

    @MpiTest
    void writtenBlocksReadBackAfterReopen() throws IOException {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Path path = dir.file("blocks.dat");
            int[] mine = new int[N];
            for (int i = 0; i < N; i++) {
                mine[i] = value(world.rank(), i);
            }
            try (MpiFile f = MpiFile.open(world, path, FileMode.RDWR, FileMode.CREATE)) {
                assertEquals(EnumSet.of(FileMode.RDWR, FileMode.CREATE), f.modes());
                assertEquals(path.toString(), f.path());
                Status st = f.writeAt((long) world.rank() * N * 4, mine);
                assertEquals(N, st.count(Datatype.INT));
            }
            world.barrier();
            if (world.rank() == 0) {
                ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.nativeOrder());
                assertEquals(world.size() * N * 4, raw.capacity());
                for (int k = 0; k < world.size() * N; k++) {
                    assertEquals(value(k / N, k % N), raw.getInt(k * 4), "int " + k + " of the file");
                }
            }
            try (MpiFile f = MpiFile.open(world, path, Set.of(FileMode.RDONLY))) {
                assertEquals(Set.of(FileMode.RDONLY), f.modes());
                assertEquals((long) world.size() * N * 4, f.size());
                int peer = (world.rank() + 1) % world.size();
                int[] got = new int[N];
                Status st = f.readAtAll((long) peer * N * 4, got);
                assertEquals(N, st.count(Datatype.INT));
                for (int i = 0; i < N; i++) {
                    assertEquals(value(peer, i), got[i]);
                }
                int[] past = new int[10];
                assertEquals(0, f.readAt((long) world.size() * N * 4, past).count(Datatype.INT), "read at the end");
                assertEquals(4, f.readAt((long) world.size() * N * 4 - 16, past).count(Datatype.INT), "short read");
                assertEquals(value(world.size() - 1, N - 1), past[3]);
            }
        }
    }

    @MpiTest
    void setSizeTruncatesAndPreallocateGrows() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("sized.dat"), FileMode.RDWR, FileMode.CREATE)) {
            assertEquals(0, f.size());
            // set_size and preallocate are collective but do not synchronise: a fast rank's
            // next resize could land before a slow rank reads the size, hence the barriers
            world.barrier();
            f.setSize(10_000);
            world.barrier();
            assertEquals(10_000, f.size());
            world.barrier();
            f.setSize(12);
            world.barrier();
            assertEquals(12, f.size());
            world.barrier();
            f.preallocate(8192);
            world.barrier();
            assertEquals(8192, f.size());
            world.barrier();
            f.preallocate(100);
            world.barrier();
            assertEquals(8192, f.size(), "preallocate never shrinks");
        }
    }

    @MpiTest
    void syncMakesWritesVisibleToOtherRanks() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("sync.dat"), FileMode.RDWR, FileMode.CREATE);
             Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_DOUBLE, 64);
            for (int i = 0; i < 64; i++) {
                out.setAtIndex(JAVA_DOUBLE, i, world.rank() + i / 64.0);
            }
            f.writeAt(world.rank() * 512L, out, Datatype.DOUBLE);
            f.sync();
            world.barrier();
            f.sync();
            int peer = (world.rank() + world.size() - 1) % world.size();
            MemorySegment in = arena.allocate(JAVA_DOUBLE, 64);
            assertEquals(64, f.readAt(peer * 512L, in, Datatype.DOUBLE).count(Datatype.DOUBLE));
            for (int i = 0; i < 64; i++) {
                assertEquals(peer + i / 64.0, in.getAtIndex(JAVA_DOUBLE, i));
            }
        }
    }

    @MpiTest
    void atomicityGroupAndTypeExtent() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("atomic.dat"), FileMode.RDWR, FileMode.CREATE)) {
            assertFalse(f.atomicity());
            f.setAtomicity(true);
            assertTrue(f.atomicity());
            f.setAtomicity(false);
            assertFalse(f.atomicity());
            try (Group g = f.group(); Group w = world.group()) {
                assertEquals(world.size(), g.size());
                assertEquals(world.rank(), g.rank());
                assertEquals(Comparison.IDENT, g.compare(w));
            }
            assertEquals(4, f.typeExtent(Datatype.INT));
            try (Datatype pair = Datatype.contiguous(2, Datatype.DOUBLE)) {
                assertEquals(16, f.typeExtent(pair));
            }
        }
    }

    @MpiTest
    void hintsArePassedAndUnknownOnesIgnored() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Map<String, String> hints = Map.of("no_such_hint_jmpi", "1", "cb_nodes", "1");
            try (MpiFile f = MpiFile.open(world, dir.file("hinted.dat"), Set.of(FileMode.WRONLY, FileMode.CREATE),
                    hints)) {
                assertEquals(3, f.writeAt(world.rank() * 12L, new int[] {1, 2, 3}).count(Datatype.INT));
            }
            try (MpiFile f = MpiFile.open(world, dir.file("hinted.dat").toString(), Set.of(FileMode.RDONLY), Map.of())) {
                assertEquals(world.size() * 12L, f.size());
            }
        }
    }

    @MpiTest
    void deleteOnCloseAndDelete() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Path temp = dir.file("temp.dat");
            try (MpiFile f = MpiFile.open(world, temp, FileMode.RDWR, FileMode.CREATE, FileMode.DELETE_ON_CLOSE)) {
                f.writeAt(world.rank(), new byte[] {(byte) world.rank()});
                world.barrier();
                assertTrue(Files.exists(temp));
            }
            world.barrier();
            assertFalse(Files.exists(temp), "DELETE_ON_CLOSE removed the file");

            Path own = dir.file("own-" + world.rank() + ".dat");
            try (MpiFile f = MpiFile.open(TestMpi.mpi().self(), own, FileMode.WRONLY, FileMode.CREATE)) {
                f.write(new long[] {world.rank()});
            }
            assertTrue(Files.exists(own));
            MpiFile.delete(own);
            assertFalse(Files.exists(own));
            MpiException again = assertThrows(MpiException.class, () -> MpiFile.delete(own));
            assertTrue(again.getMessage().contains(own.toString()), again.getMessage());
            assertTrue(again.getMessage().contains("MPI_ERR_NO_SUCH_FILE"), again.getMessage());
        }
    }

    @MpiTest
    void openErrorsNameTheFile() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Path missing = dir.file("missing.dat");
            MpiException e = assertThrows(MpiException.class, () -> MpiFile.open(world, missing, FileMode.RDONLY));
            assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("MPI_ERR_NO_SUCH_FILE"), e.getMessage());
            assertFalse(Files.exists(missing));

            Path existing = dir.file("existing.dat");
            MpiFile.open(world, existing, FileMode.WRONLY, FileMode.CREATE).close();
            MpiException excl = assertThrows(MpiException.class,
                    () -> MpiFile.open(world, existing, FileMode.WRONLY, FileMode.CREATE, FileMode.EXCL));
            assertTrue(excl.getMessage().contains("MPI_ERR_FILE_EXISTS"), excl.getMessage());

            MpiException dirOpen = assertThrows(MpiException.class,
                    () -> MpiFile.open(world, dir.file("no-such-dir").resolve("x.dat"), FileMode.WRONLY,
                            FileMode.CREATE));
            assertTrue(dirOpen.getMessage().contains("no-such-dir"), dirOpen.getMessage());
        }
    }

    /**
     * MPI_File_get_info and MPI_File_set_info. Both MPIs report a hint given at open; MPICH
     * (ROMIO) takes a new value by set_info, Open MPI 4.1 (ompio) does not (docs/io.md).
     */
    @MpiTest
    void hintsGivenAtOpenAndLaterAreReported() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("hints.dat"), Set.of(FileMode.RDWR, FileMode.CREATE),
                     Map.of("cb_buffer_size", "1048576"))) {
            try (Info got = f.getInfo()) {
                assertEquals(Optional.of("1048576"), got.get("cb_buffer_size"));
            }
            f.setInfo(Map.of("cb_buffer_size", "2097152"));
            try (Info hints = Info.of(Map.of("cb_nodes", "1"))) {
                f.setInfo(hints);
            }
            try (Info got = f.getInfo()) {
                if (TestMpi.mpich()) {
                    assertEquals(Optional.of("2097152"), got.get("cb_buffer_size"));
                    assertEquals(Optional.of("1"), got.get("cb_nodes"));
                } else {
                    assertFalse(got.get("cb_buffer_size").equals(Optional.of("2097152")),
                            "Open MPI 4.1 does not take hints after open: " + got.toMap());
                }
            }
            assertThrows(NullPointerException.class, () -> f.setInfo((Info) null));
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> f.setInfo(Map.of("cb_nodes", "")));
            assertTrue(bad.getMessage().startsWith("hints: the value of key 'cb_nodes' is empty"), bad.getMessage());
            // the file still works
            f.writeAt(4L * world.rank(), new int[] {world.rank() * 3});
            f.sync();
            world.barrier();
            f.sync();
            int[] back = new int[1];
            f.readAt(4L * Checks.prev(world), back);
            assertEquals(Checks.prev(world) * 3, back[0]);
        }
    }

    @MpiTest
    void closeIsOnceAndUseAfterCloseIsRefused() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            MpiFile f = MpiFile.open(world, dir.file("closed.dat"), FileMode.RDWR, FileMode.CREATE);
            f.close();
            f.close();
            IllegalStateException e = assertThrows(IllegalStateException.class, f::size);
            assertTrue(e.getMessage().contains("closed.dat"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> f.writeAt(0, new int[] {1}));
            assertThrows(IllegalStateException.class, () -> f.readAt(0, new int[1]));
            assertThrows(IllegalStateException.class, () -> f.setView(0, Datatype.INT, Datatype.INT));
            assertThrows(IllegalStateException.class, () -> f.seek(0, MpiFile.Whence.SET));
            assertThrows(IllegalStateException.class, f::sync);
            assertThrows(IllegalStateException.class, f::getInfo);
            assertThrows(IllegalStateException.class, () -> f.setInfo(Map.of("cb_nodes", "1")));
        }
    }
}
