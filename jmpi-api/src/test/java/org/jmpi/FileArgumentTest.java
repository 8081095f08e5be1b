package org.jmpi;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jmpi.test.MpiTest;
import org.junit.jupiter.api.function.Executable;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad arguments to MPI-IO are Java exceptions naming the argument, thrown before any
 * native call: the file stays untouched and the ranks stay in step for the collectives.
 */
class FileArgumentTest {

    private static <T extends Throwable> void refused(Class<T> type, String mention, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mention),
                "message should mention '" + mention + "': " + e.getMessage());
    }

    @MpiTest
    void openRefusesBadModesAndNames() throws IOException {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            Path p = dir.file("modes.dat");
            refused(IllegalArgumentException.class, "CREATE and EXCL are erroneous with RDONLY",
                    () -> MpiFile.open(world, p, FileMode.RDONLY, FileMode.CREATE));
            refused(IllegalArgumentException.class, "CREATE and EXCL are erroneous with RDONLY",
                    () -> MpiFile.open(world, p, FileMode.RDONLY, FileMode.EXCL));
            refused(IllegalArgumentException.class, "SEQUENTIAL is erroneous with RDWR",
                    () -> MpiFile.open(world, p, FileMode.RDWR, FileMode.CREATE, FileMode.SEQUENTIAL));
            refused(IllegalArgumentException.class, "exactly one of RDONLY, WRONLY, RDWR",
                    () -> MpiFile.open(world, p, FileMode.RDONLY, FileMode.WRONLY));
            refused(IllegalArgumentException.class, "exactly one of RDONLY, WRONLY, RDWR",
                    () -> MpiFile.open(world, p, Set.of(FileMode.CREATE)));
            refused(IllegalArgumentException.class, "exactly one of RDONLY, WRONLY, RDWR",
                    () -> MpiFile.open(world, p, EnumSet.noneOf(FileMode.class)));
            refused(NullPointerException.class, "modes", () -> MpiFile.open(world, p, (Set<FileMode>) null));
            refused(NullPointerException.class, "comm", () -> MpiFile.open(null, p, FileMode.RDWR));
            refused(NullPointerException.class, "path", () -> MpiFile.open(world, (Path) null, FileMode.RDWR));
            refused(IllegalArgumentException.class, "filename",
                    () -> MpiFile.open(world, "", Set.of(FileMode.RDWR), Map.of()));
            refused(IllegalArgumentException.class, "filename",
                    () -> MpiFile.open(world, "a\0b", Set.of(FileMode.RDWR), Map.of()));
            Path zip = dir.file("fs-" + world.rank() + ".zip");
            try (FileSystem zipFs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
                refused(IllegalArgumentException.class, "not on the default file system",
                        () -> MpiFile.open(world, zipFs.getPath("/x.dat"), FileMode.RDWR));
            }
            assertFalse(Files.exists(p), "no refused open created the file");
            refused(IllegalArgumentException.class, "filename", () -> MpiFile.delete(""));
            refused(NullPointerException.class, "path", () -> MpiFile.delete((Path) null));
        }
    }

    @MpiTest
    void dataAccessRefusesBadBuffersOffsetsAndTypes() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = MpiFile.open(world, dir.file("access.dat"), FileMode.RDWR, FileMode.CREATE);
             Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(JAVA_INT, 4);
            refused(IllegalArgumentException.class, "offset", () -> f.writeAt(-1, seg, Datatype.INT));
            refused(IllegalArgumentException.class, "offset", () -> f.readAt(-4, new int[1]));
            refused(IllegalArgumentException.class, "offset", () -> f.iwriteAt(-1, seg, Datatype.INT));
            refused(IllegalArgumentException.class, "count", () -> f.write(seg, -1, Datatype.INT));
            refused(IllegalArgumentException.class, "needs 20 bytes", () -> f.writeAt(0, seg, 5, Datatype.INT));
            refused(IllegalArgumentException.class, "not a whole number",
                    () -> f.write(seg.asSlice(0, 6), Datatype.INT));
            refused(IllegalArgumentException.class, "read-only", () -> f.readAt(0, seg.asReadOnly(), Datatype.INT));
            refused(IllegalArgumentException.class, "read-only", () -> f.ireadAt(0, seg.asReadOnly(), Datatype.INT));
            refused(NullPointerException.class, "buf", () -> f.write((int[]) null));
            refused(NullPointerException.class, "buf", () -> f.iread(null));
            refused(IllegalArgumentException.class, "buf: a MemorySegment has no element type", () -> f.writeAt(0, seg));
            refused(IllegalArgumentException.class, "buf: a java.lang.Integer is not a message buffer", () -> f.iwrite(7));
            refused(IllegalArgumentException.class, "read-only",
                    () -> f.readAt(0, Buf.of(seg.asReadOnly(), Datatype.INT)));
            refused(IllegalArgumentException.class, "read-only",
                    () -> f.ireadAll(Buf.of(seg.asReadOnly(), Datatype.INT)));
            refused(NullPointerException.class, "buf", () -> f.writeAt(0, (MemorySegment) null, Datatype.INT));
            refused(NullPointerException.class, "type", () -> f.writeAt(0, seg, null));
            refused(NullPointerException.class, "whence", () -> f.seek(0, null));
            refused(IllegalArgumentException.class, "before the start", () -> f.seek(-1, MpiFile.Whence.SET));
            refused(IllegalArgumentException.class, "before the start", () -> f.seekShared(-1, MpiFile.Whence.SET));
            refused(IllegalArgumentException.class, "offset", () -> f.byteOffset(-1));

            Arena closed = Arena.ofConfined();
            MemorySegment gone = closed.allocate(JAVA_INT, 4);
            closed.close();
            refused(IllegalStateException.class, "closed", () -> f.writeAt(0, gone, Datatype.INT));
            refused(IllegalStateException.class, "closed", () -> f.iwrite(gone, Datatype.INT));

            Datatype freed = Datatype.contiguous(2, Datatype.INT);
            freed.close();
            refused(IllegalStateException.class, "freed", () -> f.writeAt(0, seg, freed));
            refused(IllegalStateException.class, "freed", () -> f.setView(0, freed, freed));
            refused(IllegalStateException.class, "freed", () -> f.typeExtent(freed));

            assertEquals(0, f.size(), "no refused call wrote anything");
            world.barrier();
            assertEquals(4, f.writeAll(seg, Datatype.INT).count(Datatype.INT), "the ranks are still in step");
        }
    }

    @MpiTest
    void sizesViewsAndAccessModesAreChecked() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world)) {
            try (MpiFile f = MpiFile.open(world, dir.file("checked.dat"), FileMode.WRONLY, FileMode.CREATE)) {
                refused(IllegalArgumentException.class, "bytes", () -> f.setSize(-1));
                refused(IllegalArgumentException.class, "bytes", () -> f.preallocate(-5));
                refused(IllegalArgumentException.class, "displacement", () -> f.setView(-8, Datatype.INT, Datatype.INT));
                refused(IllegalArgumentException.class, "DISPLACEMENT_CURRENT needs a file opened SEQUENTIAL",
                        () -> f.setView(MpiFile.DISPLACEMENT_CURRENT, Datatype.INT, Datatype.INT));
                refused(IllegalArgumentException.class, "datarep", () -> f.setView(0, Datatype.INT, Datatype.INT, ""));
                refused(NullPointerException.class, "etype", () -> f.setView(0, null, Datatype.INT));
                refused(NullPointerException.class, "filetype", () -> f.setView(0, Datatype.INT, null));
                refused(IllegalStateException.class, "opened WRONLY", () -> f.readAt(0, new int[1]));
                refused(IllegalStateException.class, "opened WRONLY", () -> f.readOrdered(new int[1]));
                MpiException rep = assertThrows(MpiException.class,
                        () -> f.setView(0, Datatype.INT, Datatype.INT, "no-such-representation"));
                assertTrue(rep.getMessage().contains("checked.dat"), rep.getMessage());
                f.write(new int[] {world.rank()});
            }
            try (MpiFile f = MpiFile.open(world, dir.file("checked.dat"), FileMode.RDONLY)) {
                refused(IllegalStateException.class, "opened RDONLY", () -> f.writeAt(0, new int[1]));
                refused(IllegalStateException.class, "opened RDONLY", () -> f.writeShared(new int[1]));
                int[] one = new int[1];
                f.readAt(0, one);
                assertTrue(one[0] >= 0 && one[0] < world.size(), "some rank's int: " + one[0]);
            }
        }
    }
}
