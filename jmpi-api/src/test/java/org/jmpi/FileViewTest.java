package org.jmpi;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** File views: strided and subarray filetypes, offsets in etypes, get_view, data representations. */
class FileViewTest {
    /** Ints per rank, in blocks of {@link #B}. */
    private static final int N = 600;
    private static final int B = 3;

    private static int value(int rank, int i) {
        return rank * 1_000_000 + i;
    }

    /**
     * Rank r's i-th int sits at file int (i / B) * B * size + r * B + i % B: the filetype
     * is a vector of blocks of B ints, one every B * size, resized to tile the whole file.
     */
    private static int fileIndex(int rank, int i, int size) {
        return (i / B) * B * size + rank * B + i % B;
    }

    @MpiTest
    void stridedViewInterleavesEveryRanksInts() throws IOException {
        Comm world = TestMpi.world();
        int size = world.size();
        try (SharedDir dir = SharedDir.create(world);
             Datatype blocks = Datatype.vector(N / B, B, B * size, Datatype.INT);
             Datatype strided = Datatype.resized(0, (long) N * size * 4, blocks)) {
            Path path = dir.file("strided.dat");
            int[] mine = new int[N];
            for (int i = 0; i < N; i++) {
                mine[i] = value(world.rank(), i);
            }
            try (MpiFile f = MpiFile.open(world, path, FileMode.WRONLY, FileMode.CREATE)) {
                f.setView((long) world.rank() * B * 4, Datatype.INT, strided);
                Status st = f.writeAll(mine);
                assertEquals(N, st.count(Datatype.INT));
                assertEquals(N, f.position(), "the individual pointer advanced by N etypes");
            }
            world.barrier();
            int total = N * size;
            try (MpiFile f = MpiFile.open(world, path, FileMode.RDONLY)) {
                assertEquals(total * 4L, f.size());
                if (world.rank() == 0) {
                    int[] all = new int[total];
                    assertEquals(total, f.readAt(0, all).count(Datatype.INT));
                    for (int r = 0; r < size; r++) {
                        for (int i = 0; i < N; i++) {
                            assertEquals(value(r, i), all[fileIndex(r, i, size)], "rank " + r + " int " + i);
                        }
                    }
                }
                int peer = (world.rank() + 1) % size;
                f.setView((long) peer * B * 4, Datatype.INT, strided);
                int[] back = new int[N];
                assertEquals(N, f.readAll(back).count(Datatype.INT));
                for (int i = 0; i < N; i++) {
                    assertEquals(value(peer, i), back[i], "int " + i + " of rank " + peer + " read through its view");
                }
                int[] tail = new int[B + 1];
                assertEquals(B + 1, f.readAt(N - B - 1, tail).count(Datatype.INT), "explicit offsets count etypes");
                for (int k = 0; k <= B; k++) {
                    assertEquals(value(peer, N - B - 1 + k), tail[k]);
                }
                assertEquals(B, f.readAt(N - B, new int[2 * B]).count(Datatype.INT), "the view ends with the file");
            }
            if (world.rank() == 0) {
                ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.nativeOrder());
                for (int r = 0; r < size; r++) {
                    assertEquals(value(r, N - 1), raw.getInt(fileIndex(r, N - 1, size) * 4));
                }
            }
        }
    }

    @MpiTest
    void subarrayViewsAssembleAMatrixByColumns() {
        Comm world = TestMpi.world();
        int size = world.size();
        int rows = 7;
        int cols = 5;
        int globalCols = cols * size;
        try (SharedDir dir = SharedDir.create(world);
             Datatype block = Datatype.subarray(new int[] {rows, globalCols}, new int[] {rows, cols},
                     new int[] {0, cols * world.rank()}, Datatype.Order.C, Datatype.DOUBLE);
             Arena arena = Arena.ofConfined()) {
            MemorySegment local = arena.allocate(JAVA_DOUBLE, (long) rows * cols);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    local.setAtIndex(JAVA_DOUBLE, (long) r * cols + c, r * 1000.0 + cols * world.rank() + c);
                }
            }
            Path path = dir.file("matrix.dat");
            try (MpiFile f = MpiFile.open(world, path, FileMode.RDWR, FileMode.CREATE)) {
                f.setView(0, Datatype.DOUBLE, block);
                assertEquals(rows * cols, f.writeAtAll(0, local, Datatype.DOUBLE).count(Datatype.DOUBLE));
                f.sync();
                world.barrier();
                f.sync();
                f.setView(0, Datatype.DOUBLE, Datatype.DOUBLE);
                MemorySegment row = arena.allocate(JAVA_DOUBLE, globalCols);
                int r = world.rank() % rows;
                assertEquals(globalCols, f.readAt((long) r * globalCols, row, Datatype.DOUBLE).count(Datatype.DOUBLE));
                for (int c = 0; c < globalCols; c++) {
                    assertEquals(r * 1000.0 + c, row.getAtIndex(JAVA_DOUBLE, c), "row " + r + " column " + c);
                }
            }
        }
    }

    @MpiTest
    void displacementAndOffsetsInEtypes() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(TestMpi.mpi().self(), dir.file("disp-" + world.rank() + ".dat"),
                     FileMode.RDWR, FileMode.CREATE)) {
            f.setView(16, Datatype.DOUBLE, Datatype.DOUBLE);
            assertEquals(32, f.byteOffset(2));
            f.writeAt(2, new double[] {2.5, -1.0});
            assertEquals(48, f.size());
            f.setView(0, Datatype.BYTE, Datatype.BYTE);
            assertEquals(2, f.byteOffset(2));
            double[] back = new double[2];
            f.readAt(32, MemorySegment.ofArray(back), Datatype.DOUBLE);
            assertArrayEquals(new double[] {2.5, -1.0}, back);
            byte[] head = new byte[32];
            f.readAt(0, head);
            assertArrayEquals(new byte[32], head, "the bytes before the view's data are a hole of zeros");
        }
    }

    @MpiTest
    void viewReportsWhatWasSet() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("view.dat"), FileMode.RDWR, FileMode.CREATE)) {
            try (FileView v = f.view()) {
                assertEquals(0, v.displacement());
                assertSame(Datatype.BYTE, v.etype());
                assertSame(Datatype.BYTE, v.filetype());
                assertEquals("native", v.datarep());
            }
            try (Datatype pair = Datatype.contiguous(2, Datatype.INT);
                 Datatype strided = Datatype.vector(4, 1, world.size(), pair)) {
                f.setView(8L * world.rank(), pair, strided);
            }
            try (FileView v = f.view()) {
                assertEquals(8L * world.rank(), v.displacement());
                assertFalse(v.etype().isPredefined(), "a derived etype comes back as a new copy");
                assertEquals(8, v.etype().size());
                assertEquals(8, v.etype().extent());
                assertEquals(32, v.filetype().size());
                assertEquals(8L * ((4 - 1) * world.size() + 1), v.filetype().extent());
                assertEquals("native", v.datarep());
                MemorySegment out = MemorySegment.ofArray(new int[] {7, 8, 9, 10});
                assertEquals(2, f.writeAt(0, out, v.etype()).count(v.etype()), "the copy is usable");
            }
            f.setView(4, Datatype.INT, Datatype.INT, "native");
            try (FileView v = f.view()) {
                assertSame(Datatype.INT, v.etype());
                assertSame(Datatype.INT, v.filetype());
            }
        }
    }

    @MpiTest
    void external32IsBigEndian() throws IOException {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Path path = dir.file("external32.dat");
            try (MpiFile f = MpiFile.open(world, path, FileMode.RDWR, FileMode.CREATE);
                 Arena arena = Arena.ofConfined()) {
                f.setView(0, Datatype.INT, Datatype.INT, "external32");
                try (FileView v = f.view()) {
                    assertEquals("external32", v.datarep());
                }
                MemorySegment one = arena.allocate(JAVA_INT);
                one.set(JAVA_INT, 0, 0x01020300 + world.rank());
                f.writeAtAll(world.rank(), one, Datatype.INT);
                f.sync();
                world.barrier();
                f.sync();
                MemorySegment back = arena.allocate(JAVA_INT);
                int peer = (world.rank() + 1) % world.size();
                f.readAt(peer, back, Datatype.INT);
                assertEquals(0x01020300 + peer, back.get(JAVA_INT, 0), "external32 converts back on reading");
            }
            world.barrier();
            byte[] raw = Files.readAllBytes(path);
            assertEquals(4 * world.size(), raw.length);
            for (int r = 0; r < world.size(); r++) {
                assertArrayEquals(new byte[] {1, 2, 3, (byte) r}, Arrays.copyOfRange(raw, 4 * r, 4 * r + 4));
            }
        }
    }
}
