package mpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jmpi.test.MpiTest;
import org.jmpi.test.Ranks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel I/O: opening, explicit offsets, views, file pointers, nonblocking and split collective access, errors. */
class FileTest {
    private static final int RW = MPI.MODE_CREATE | MPI.MODE_RDWR;

    /** A fresh file name every rank of {@code comm} shares: rank 0 makes the directory and broadcasts it. */
    static String shared(Intracomm comm, String name) throws MPIException {
        byte[] path = new byte[4096];
        int[] length = {0};
        if (comm.getRank() == 0) {
            try {
                Path dir = Files.createTempDirectory("mpi-java-io-");
                Ranks.atEnd(() -> removeTree(dir));
                byte[] p = dir.resolve(name).toString().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(p, 0, path, 0, p.length);
                length[0] = p.length;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        comm.bcast(length, 1, MPI.INT, 0);
        comm.bcast(path, length[0], MPI.BYTE, 0);
        return new String(path, 0, length[0], StandardCharsets.UTF_8);
    }

    /** Deletes {@code dir} and what is left in it, once the rank has run its tests. */
    private static void removeTree(Path dir) {
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new file of {@code comm} opened for reading and writing, with a view of ints. */
    static File intFile(Intracomm comm, String name) throws MPIException {
        File f = new File(comm, shared(comm, name), RW);
        f.setView(0, MPI.INT, MPI.INT, "native");
        return f;
    }

    /** Makes every process's writes visible to every process: sync, barrier, sync (MPI's consistency rule). */
    static void settle(File f, Intracomm comm) throws MPIException {
        f.sync();
        comm.barrier();
        f.sync();
    }

    static int[] range(int from, int n) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> from + i);
        return a;
    }

    @MpiTest
    void explicitOffsetsReadWhatEachRankWrote() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        String name = shared(world, "explicit");
        File f = new File(world, name, RW);
        assertEquals(RW, f.getAMode());
        assertEquals(n, f.getGroup().getSize());
        Status w = f.writeAt(16L * me, range(100 * me, 4), 4, MPI.INT);
        assertEquals(4, w.getCount(MPI.INT));
        settle(f, world);
        int[] got = new int[4];
        int next = (me + 1) % n;
        Status r = f.readAt(16L * next, got, 4, MPI.INT);
        assertEquals(4, r.getCount(MPI.INT));
        assertArrayEquals(range(100 * next, 4), got);
        assertEquals(16L * n, f.getSize());
        world.barrier();
        f.writeAtAll(16L * (n + me), new double[] {me + 0.5, -me}, 2, MPI.DOUBLE);
        settle(f, world);
        double[] d = new double[2];
        f.readAtAll(16L * (n + next), d, 2, MPI.DOUBLE);
        assertArrayEquals(new double[] {next + 0.5, -next}, d);
        int[] past = {-1, -1};
        Status eof = f.readAt(f.getSize(), past, 2, MPI.INT);
        assertEquals(0, eof.getCount(MPI.INT), "nothing to read past the end");
        assertEquals(5, f.getByteOffset(5), "the default view is bytes");
        assertEquals(1, f.getTypeExtent(MPI.INT), "one int, in ints");
        assertEquals(MPI.INT2.getExtent(), f.getTypeExtent(MPI.INT2), "in the file as in memory");
        assertEquals(2, f.getTypeExtent(MPI.DOUBLE_COMPLEX), "two doubles");
        assertFalse(f.getAtomicity());
        f.setAtomicity(true);
        assertTrue(f.getAtomicity());
        f.close();
        world.barrier();
        if (me == 0) {
            File.delete(name);
        }
        world.barrier();
        assertThrows(MPIException.class, () -> new File(world, name, MPI.MODE_RDONLY));
    }

    @MpiTest
    void aStridedViewInterleavesTheRanks() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        int block = 3;
        int blocks = 4;
        String name = shared(world, "strided");
        Datatype chunk = Datatype.createContiguous(block, MPI.INT);
        Datatype filetype = Datatype.createResized(chunk, 0, n * block * 4);
        filetype.commit();
        File f = new File(world, name, RW);
        f.setView(4L * block * me, MPI.INT, filetype, "native");
        FileView v = f.getView();
        assertEquals(4L * block * me, v.getDisp());
        assertSame(MPI.INT, v.getEType());
        assertSame(filetype, v.getFileType());
        assertEquals("native", v.getDataRep());
        int[] mine = range(1000 * me, block * blocks);
        Status st = f.writeAll(mine, mine.length, MPI.INT);
        assertEquals(mine.length, st.getCount(MPI.INT));
        assertEquals(mine.length, f.getPosition(), "the pointer advanced over my etypes");
        assertEquals(4L * block * (me + n), f.getByteOffset(block), "my second block follows the others' first");
        settle(f, world);
        f.seek(0, MPI.SEEK_SET);
        int[] back = new int[mine.length];
        f.readAll(back, back.length, MPI.INT);
        assertArrayEquals(mine, back, "read back through my own view");
        f.setView(0, MPI.BYTE, MPI.BYTE, "native");
        int[] whole = new int[n * block * blocks];
        f.readAt(0, whole, whole.length, MPI.INT);
        for (int j = 0; j < whole.length; j++) {
            int b = j / block;
            int owner = b % n;
            int index = b / n * block + j % block;
            assertEquals(1000 * owner + index, whole[j], "int " + j + " of the file");
        }
        f.close();
        filetype.free();
        chunk.free();
    }

    @MpiTest
    void individualAndSharedFilePointers() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        File f = intFile(world, "pointers");
        f.writeOrdered(range(10 * me, 2), 2, MPI.INT);
        assertEquals(2L * n, f.getPositionShared());
        world.barrier();
        f.seekShared(0, MPI.SEEK_SET);
        assertEquals(0, f.getPositionShared());
        world.barrier();
        int[] two = new int[2];
        f.readOrdered(two, 2, MPI.INT);
        assertArrayEquals(range(10 * me, 2), two, "ordered reads meet ordered writes");
        f.seek(2L * me, MPI.SEEK_SET);
        f.seek(1, MPI.SEEK_CUR);
        assertEquals(2L * me + 1, f.getPosition());
        int[] one = new int[1];
        f.read(one, 1, MPI.INT);
        assertEquals(10 * me + 1, one[0]);
        f.seek(0, MPI.SEEK_END);
        assertEquals(2L * n, f.getPosition());
        world.barrier();
        f.seek(-1, MPI.SEEK_END);
        f.read(one, 1, MPI.INT);
        assertEquals(10 * (n - 1) + 1, one[0]);
        world.barrier();
        f.seekShared(0, MPI.SEEK_END);
        f.writeShared(new int[] {-me - 1}, 1, MPI.INT);
        world.barrier();
        f.seekShared(2L * n, MPI.SEEK_SET);
        f.readShared(one, 1, MPI.INT);
        int[] all = new int[n];
        world.allGather(one, 1, MPI.INT, all, 1, MPI.INT);
        Arrays.sort(all);
        assertArrayEquals(range(-n, n), all, "each rank's shared write read once by someone");
        f.close();
    }

    @MpiTest
    void nonblockingAccessUsesDirectBuffers() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        File f = intFile(world, "nonblocking");
        IntBuffer out = MPI.newIntBuffer(2);
        out.put(0, me).put(1, me * me);
        f.iWriteAt(2L * me, out, 2, MPI.INT).waitFor();
        f.iWriteAtAll(2L * (n + me), out, 2, MPI.INT).waitFor();
        settle(f, world);
        IntBuffer in = MPI.newIntBuffer(2);
        int next = (me + 1) % n;
        Request r = f.iReadAt(2L * next, in, 2, MPI.INT);
        Status s = r.waitStatus();
        assertEquals(2, s.getCount(MPI.INT));
        assertEquals(next, in.get(0));
        assertEquals(next * next, in.get(1));
        f.iReadAtAll(2L * (n + next), in, 2, MPI.INT).waitFor();
        assertEquals(next * next, in.get(1));
        f.seek(4L * n + 2L * me, MPI.SEEK_SET);
        f.iWrite(out, 2, MPI.INT).waitFor();
        assertEquals(4L * n + 2L * me + 2, f.getPosition());
        f.seek(2L * me, MPI.SEEK_SET);
        f.iRead(in, 1, MPI.INT).waitFor();
        assertEquals(me, in.get(0));
        f.seek(6L * n + me, MPI.SEEK_SET);
        f.iWriteAll(out, 1, MPI.INT).waitFor();
        settle(f, world);
        f.seek(6L * n + next, MPI.SEEK_SET);
        f.iReadAll(in, 1, MPI.INT).waitFor();
        assertEquals(next, in.get(0));
        f.seekShared(7L * n, MPI.SEEK_SET);
        f.iWriteShared(out, 1, MPI.INT).waitFor();
        world.barrier();
        f.seekShared(7L * n, MPI.SEEK_SET);
        f.iReadShared(in, 1, MPI.INT).waitFor();
        int[] seen = new int[n];
        world.allGather(new int[] {in.get(0)}, 1, MPI.INT, seen, 1, MPI.INT);
        Arrays.sort(seen);
        assertArrayEquals(range(0, n), seen);
        assertThrows(IllegalArgumentException.class, () -> f.iRead(IntBuffer.allocate(1), 1, MPI.INT));
        f.close();
    }

    @MpiTest
    void splitCollectivesHoldTheDataAtTheEnd() throws MPIException {
        Intracomm world = TestEnv.world();
        int n = world.getSize();
        int me = world.getRank();
        File f = intFile(world, "split");
        int[] mine = range(50 * me, 3);
        f.writeAtAllBegin(3L * me, mine, 3, MPI.INT);
        assertEquals(3, f.writeAtAllEnd(mine).getCount(MPI.INT));
        settle(f, world);
        int next = (me + 1) % n;
        int[] got = new int[3];
        f.readAtAllBegin(3L * next, got, 3, MPI.INT);
        TestEnv.failsWith(MPI.ERR_BUFFER, () -> f.readAtAllEnd(new int[3]));
        TestEnv.failsWith(MPI.ERR_OTHER, () -> f.readAllBegin(new int[3], 3, MPI.INT));
        Status st = f.readAtAllEnd(got);
        assertEquals(3, st.getCount(MPI.INT));
        assertArrayEquals(range(50 * next, 3), got);
        IntBuffer direct = MPI.newIntBuffer(3);
        f.readAtAllBegin(3L * next, direct, 3, MPI.INT);
        f.readAtAllEnd(direct);
        assertEquals(50 * next + 2, direct.get(2));
        TestEnv.failsWith(MPI.ERR_OTHER, () -> f.readAllEnd(got));

        f.setView(12L * n, MPI.BOOLEAN, MPI.BOOLEAN, "native");
        f.seek(3L * me, MPI.SEEK_SET);
        boolean[] flags = {me % 2 == 0, true, false};
        f.writeAllBegin(flags, 3, MPI.BOOLEAN);
        f.writeAllEnd(flags);
        settle(f, world);
        boolean[] back = new boolean[3];
        f.seek(3L * next, MPI.SEEK_SET);
        f.readAllBegin(back, 3, MPI.BOOLEAN);
        f.readAllEnd(back);
        assertArrayEquals(new boolean[] {next % 2 == 0, true, false}, back, "booleans staged through bytes");

        f.setView(0, MPI.INT, MPI.INT, "native");
        f.seekShared(0, MPI.SEEK_SET);
        int[] ordered = {7 * me};
        f.writeOrderedBegin(ordered, 1, MPI.INT);
        TestEnv.failsWith(MPI.ERR_BUFFER, () -> f.writeOrderedEnd(new int[] {7 * me}));
        f.writeOrderedEnd(ordered);
        f.seekShared(0, MPI.SEEK_SET);
        int[] read = {-1};
        f.readOrderedBegin(read, 1, MPI.INT);
        assertEquals(1, f.readOrderedEnd(read).getCount(MPI.INT));
        assertEquals(7 * me, read[0]);
        f.close();
    }

    @MpiTest
    void sizesHintsHandlersAndMisuse() throws MPIException {
        Intracomm world = TestEnv.world();
        String name = shared(world, "misuse");
        TestEnv.failsWith(MPI.ERR_AMODE, () -> new File(world, name, MPI.MODE_RDONLY | MPI.MODE_CREATE));
        TestEnv.failsWith(MPI.ERR_AMODE, () -> new File(world, name, MPI.MODE_RDWR | 1 << 30));
        TestEnv.failsWith(MPI.ERR_AMODE, () -> new File(world, name, MPI.MODE_CREATE));
        assertThrows(MPIException.class, () -> new File(world, name + "-missing", MPI.MODE_RDONLY));
        assertThrows(MPIException.class, () -> File.delete(name + "-missing"));
        File f = new File(world, name, RW | MPI.MODE_DELETE_ON_CLOSE);
        assertEquals(MPI.ERRORS_RETURN, f.getErrhandler(), "a file's default handler");
        f.setSize(1000);
        world.barrier();
        assertEquals(1000, f.getSize());
        world.barrier();
        f.setSize(10);
        world.barrier();
        assertEquals(10, f.getSize());
        world.barrier();
        f.preallocate(100);
        world.barrier();
        assertTrue(f.getSize() >= 100);
        Info info = f.getInfo();
        assertTrue(info.size() >= 0);
        info.free();
        f.setInfo(MPI.INFO_NULL);
        Info hints = new Info();
        hints.set("access_style", "read_once");
        f.setInfo(hints);
        f.setView(0, MPI.INT, MPI.INT, "native", hints);
        assertEquals(4, f.getByteOffset(1), "the view counts ints");
        hints.free();
        TestEnv.failsWith(MPI.ERR_ARG, () -> f.seek(0, 12345));
        TestEnv.failsWith(MPI.ERR_ARG, () -> f.seek(-1, MPI.SEEK_SET));
        TestEnv.failsWith(MPI.ERR_TYPE, () -> f.setView(0, null, MPI.INT, "native"));
        Datatype loose = Datatype.createContiguous(2, MPI.INT);
        TestEnv.failsWith(MPI.ERR_TYPE, () -> f.setView(0, MPI.INT, loose, "native"));
        loose.free();
        TestEnv.failsWith(MPI.ERR_UNSUPPORTED_DATAREP, () -> f.setView(0, MPI.INT, MPI.INT, ""));
        TestEnv.failsWith(MPI.ERR_BUFFER, () -> f.write(new int[1], 2, MPI.INT));
        TestEnv.failsWith(MPI.ERR_COUNT, () -> f.write(new int[1], -1, MPI.INT));
        TestEnv.failsWith(MPI.ERR_BUFFER, () -> f.write("text", 1, MPI.INT));
        MPIException raised = TestEnv.failsWith(MPI.ERR_OTHER, () -> f.callErrhandler(MPI.ERR_OTHER));
        assertTrue(raised.getMessage().contains("MPI_File_call_errhandler"), raised.getMessage());
        TestEnv.failsWith(MPI.ERR_ARG, () -> f.setErrhandler(null));
        f.close();
        File w = new File(world, name + "-w", MPI.MODE_CREATE | MPI.MODE_WRONLY | MPI.MODE_DELETE_ON_CLOSE);
        TestEnv.failsWith(MPI.ERR_ACCESS, () -> w.read(new int[1], 1, MPI.INT));
        TestEnv.failsWith(MPI.ERR_ACCESS, () -> w.iReadAt(0, MPI.newIntBuffer(1), 1, MPI.INT));
        w.close();
        TestEnv.failsWith(MPI.ERR_FILE, f::close);
        TestEnv.failsWith(MPI.ERR_FILE, f::getSize);
        world.barrier();
        assertThrows(MPIException.class, () -> new File(world, name, MPI.MODE_RDONLY), "deleted on close");
    }
}
