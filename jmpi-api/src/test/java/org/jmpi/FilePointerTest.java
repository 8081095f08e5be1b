package org.jmpi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Individual and shared file pointers: seek, position, shared and ordered access, append and sequential files. */
class FilePointerTest {

    private static int[] block(int rank, int n) {
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = rank * 1000 + i;
        }
        return b;
    }

    private static int[] ints(Path path) throws IOException {
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.nativeOrder());
        int[] all = new int[raw.capacity() / 4];
        raw.asIntBuffer().get(all);
        return all;
    }

    @MpiTest
    void individualPointerAdvancesAndSeeks() {
        Comm world = TestMpi.world();
        int n = 40;
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("individual.dat"), FileMode.RDWR, FileMode.CREATE)) {
            f.setView((long) world.rank() * n * 4, Datatype.INT, Datatype.INT);
            assertEquals(0, f.position());
            int[] mine = block(world.rank(), n);
            f.write(Arrays.copyOfRange(mine, 0, 15));
            assertEquals(15, f.position());
            f.write(Arrays.copyOfRange(mine, 15, n));
            assertEquals(n, f.position());
            assertEquals((long) world.rank() * n * 4 + 8, f.byteOffset(2));

            f.seek(-n, MpiFile.Whence.CUR);
            assertEquals(0, f.position());
            int[] back = new int[n];
            assertEquals(n, f.read(back).count(Datatype.INT));
            assertArrayEquals(mine, back);

            f.seek(5, MpiFile.Whence.SET);
            int[] two = new int[2];
            f.read(two);
            assertArrayEquals(new int[] {mine[5], mine[6]}, two);
            assertEquals(7, f.position());

            f.sync();
            world.barrier();
            f.sync();
            f.seek(-1, MpiFile.Whence.END);
            int[] last = new int[1];
            f.readAll(last);
            long fileInts = (long) world.size() * n;
            assertEquals(fileInts - world.rank() * n, f.position(), "END counts from the end of the file in the view");
            assertEquals(block(world.size() - 1, n)[n - 1], last[0]);
        }
    }

    @MpiTest
    void sharedPointerGivesEachWriterItsOwnBlock() throws IOException {
        Comm world = TestMpi.world();
        int n = 25;
        try (SharedDir dir = SharedDir.create(world)) {
            Path path = dir.file("shared.dat");
            try (MpiFile f = MpiFile.open(world, path, FileMode.RDWR, FileMode.CREATE)) {
                f.setView(0, Datatype.INT, Datatype.INT);
                assertEquals(n, f.writeShared(block(world.rank(), n)).count(Datatype.INT));
                world.barrier();
                assertEquals((long) world.size() * n, f.positionShared());
            }
            world.barrier();
            int[] all = ints(path);
            assertEquals(world.size() * n, all.length);
            boolean[] seen = new boolean[world.size()];
            for (int k = 0; k < world.size(); k++) {
                int[] b = Arrays.copyOfRange(all, k * n, (k + 1) * n);
                int owner = b[0] / 1000;
                assertArrayEquals(block(owner, n), b, "block " + k + " was written whole by one rank");
                assertTrue(!seen[owner], "rank " + owner + " wrote twice");
                seen[owner] = true;
            }

            try (MpiFile f = MpiFile.open(world, path, FileMode.RDONLY)) {
                f.setView(0, Datatype.INT, Datatype.INT);
                int[] got = new int[n];
                assertEquals(n, f.readShared(got).count(Datatype.INT));
                assertEquals(0, got[0] % 1000, "a read at the shared pointer starts at a block boundary");
                assertArrayEquals(block(got[0] / 1000, n), got);
                int[] owners = {got[0] / 1000};
                world.allreduce(owners, Op.SUM);
                assertEquals(world.size() * (world.size() - 1) / 2, owners[0], "every block was read by one rank");
            }
        }
    }

    @MpiTest
    void orderedAccessFollowsRankOrder() throws IOException {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Path path = dir.file("ordered.dat");
            int mine = world.rank() + 1;
            try (MpiFile f = MpiFile.open(world, path, FileMode.RDWR, FileMode.CREATE)) {
                f.setView(0, Datatype.INT, Datatype.INT);
                assertEquals(mine, f.writeOrdered(block(world.rank(), mine)).count(Datatype.INT));
                int total = world.size() * (world.size() + 1) / 2;
                assertEquals(total, f.positionShared());
                world.barrier(); // every rank has read the pointer before rank 0 resets it
                f.seekShared(0, MpiFile.Whence.SET);
                assertEquals(0, f.positionShared());
                world.barrier(); // and before the ordered read moves it again
                int[] back = new int[mine];
                assertEquals(mine, f.readOrdered(back).count(Datatype.INT));
                assertArrayEquals(block(world.rank(), mine), back);
                f.seekShared(-1, MpiFile.Whence.END);
                int[] last = new int[1];
                f.readOrdered(world.rank() == world.size() - 1 ? last : new int[0]);
                if (world.rank() == world.size() - 1) {
                    assertEquals(block(world.rank(), mine)[mine - 1], last[0]);
                }
            }
            world.barrier();
            int[] all = ints(path);
            int k = 0;
            for (int r = 0; r < world.size(); r++) {
                assertArrayEquals(block(r, r + 1), Arrays.copyOfRange(all, k, k + r + 1), "rank " + r + "'s block");
                k += r + 1;
            }
            assertEquals(k, all.length);
        }
    }

    @MpiTest
    void appendStartsAtTheEnd() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Path path = dir.file("append-" + world.rank() + ".dat");
            Comm self = TestMpi.mpi().self();
            try (MpiFile f = MpiFile.open(self, path, FileMode.WRONLY, FileMode.CREATE)) {
                f.write(new long[] {1, 2, 3});
            }
            try (MpiFile f = MpiFile.open(self, path, FileMode.RDWR, FileMode.APPEND)) {
                assertEquals(24, f.position(), "the individual pointer starts at the end");
                assertEquals(24, f.positionShared(), "so does the shared one");
                f.write(new long[] {4});
                assertEquals(32, f.size());
                long[] all = new long[4];
                f.readAt(0, all);
                assertArrayEquals(new long[] {1, 2, 3, 4}, all);
            }
        }
    }

    @MpiTest
    void sequentialFilesUseOnlyTheSharedPointer() throws IOException {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Path path = dir.file("sequential.dat");
            try (MpiFile f = MpiFile.open(world, path, FileMode.WRONLY, FileMode.CREATE, FileMode.SEQUENTIAL)) {
                f.writeOrdered(new int[] {world.rank()});
                IllegalStateException at = assertThrows(IllegalStateException.class, () -> f.writeAt(0, new int[1]));
                assertTrue(at.getMessage().contains("SEQUENTIAL"), at.getMessage());
                assertThrows(IllegalStateException.class, () -> f.write(new int[1]));
                assertThrows(IllegalStateException.class, () -> f.seek(0, MpiFile.Whence.SET));
                assertThrows(IllegalStateException.class, f::position);
                f.setView(MpiFile.DISPLACEMENT_CURRENT, Datatype.INT, Datatype.INT);
                f.writeOrdered(new int[] {100 + world.rank()});
            }
            world.barrier();
            int[] all = ints(path);
            int[] expected = new int[2 * world.size()];
            for (int r = 0; r < world.size(); r++) {
                expected[r] = r;
                expected[world.size() + r] = 100 + r;
            }
            assertArrayEquals(expected, all);
        }
    }
}
