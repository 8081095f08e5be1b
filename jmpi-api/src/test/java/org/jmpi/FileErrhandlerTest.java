package org.jmpi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jmpi.internal.Upcalls;
import org.jmpi.test.MpiTest;

import static org.jmpi.ArgumentCheckTest.fails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File error handlers written in Java: called by MPI on real errors and by callErrhandler, and refused misuse. */
class FileErrhandlerTest {
    /** {@code MPI_ERR_UNSUPPORTED_DATAREP}: a data representation MPI does not know (51 on Open MPI, 43 on MPICH). */
    private static final int MPI_ERR_UNSUPPORTED_DATAREP = org.jmpi.bindings.abi.MpiCalls.MPI_ERR_UNSUPPORTED_DATAREP();

    /** What a handler saw. */
    record Seen(MpiFile file, int code) {
    }

    private static Errhandler recording(List<Seen> seen) {
        return Errhandler.forFile((file, code) -> seen.add(new Seen(file, code)));
    }

    /** Creates (or opens) {@code path} for reading and writing on every process of the world. */
    private static MpiFile created(Path path) {
        return MpiFile.open(TestMpi.world(), path, FileMode.RDWR, FileMode.CREATE);
    }

    /** A view with a data representation only MPI can refuse (collective). */
    private static MpiException badView(MpiFile f) {
        MpiException e = assertThrows(MpiException.class,
                () -> f.setView(0, Datatype.INT, Datatype.INT, "no-such-representation"));
        assertEquals(MPI_ERR_UNSUPPORTED_DATAREP, e.errorClass(), e.getMessage());
        return e;
    }

    @MpiTest
    void javaHandlerSeesARealErrorAndTheFile() {
        Comm world = TestMpi.world();
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = created(dir.file("handled.dat"));
             MpiFile other = created(dir.file("other.dat"));
             Errhandler handler = recording(seen)) {
            assertSame(Errhandler.ERRORS_RETURN, f.getErrhandler());
            f.setErrhandler(handler);
            assertSame(handler, f.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, other.getErrhandler());
            MpiException e = badView(f);
            assertEquals(List.of(new Seen(f, e.errorCode())), seen);
            assertNull(e.getCause());
            // other files are not affected
            badView(other);
            assertEquals(1, seen.size());
            // the file still works
            f.writeAt(4L * world.rank(), new int[] {world.rank() + 10});
            world.barrier();
            int[] back = new int[1];
            f.readAt(4L * ((world.rank() + 1) % world.size()), back);
            assertEquals((world.rank() + 1) % world.size() + 10, back[0]);
        }
    }

    /**
     * While a Java handler exists, blocking calls on Java arrays go through native copies
     * (MPI may call the handler from inside them): data still arrives, and a short read
     * leaves the rest of the array alone. Open MPI 4.1.4 reports no error from a data
     * access that the Java checks let through, so the handler cannot be made to fire here.
     */
    @MpiTest
    void javaArraysStillWorkWhileAHandlerExists() {
        Comm world = TestMpi.world();
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = created(dir.file("arrays.dat"));
             Errhandler handler = recording(seen)) {
            f.setErrhandler(handler);
            assertTrue(Upcalls.javaErrhandlers());
            long[] out = {world.rank(), 7, 8};
            f.writeAtAll(24L * world.rank(), out);
            f.sync(); // MPI-IO consistency: sync, barrier, sync before reading what another process wrote
            world.barrier();
            f.sync();
            long[] in = new long[3];
            f.readAtAll(24L * ((world.rank() + 1) % world.size()), in);
            assertArrayEquals(new long[] {(world.rank() + 1) % world.size(), 7, 8}, in);
            double[] tail = {-1, -1, -1};
            Status st = f.readAt(24L * world.size() - 8, tail);
            assertEquals(1, st.count(Datatype.DOUBLE));
            assertEquals(Double.longBitsToDouble(8), tail[0]);
            assertArrayEquals(new double[] {-1, -1}, new double[] {tail[1], tail[2]}, "past the end of the file");
            world.barrier();
            byte[] bytes = {1, 2, 3};
            f.seek(24L * world.size() + 3L * world.rank(), FilePointers.Whence.SET);
            f.write(bytes);
            f.seek(24L * world.size() + 3L * world.rank(), FilePointers.Whence.SET);
            byte[] again = new byte[3];
            f.read(again);
            assertArrayEquals(bytes, again);
            assertEquals(List.of(), seen);
        }
    }

    @MpiTest
    void callErrhandlerRunsTheHandlerWithTheCode() {
        Comm world = TestMpi.world();
        int code = ErrorCodes.addCode(ErrorCodes.addClass());
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = created(dir.file("called.dat"));
             Errhandler handler = recording(seen)) {
            f.callErrhandler(code);
            assertEquals(0, seen.size(), "ERRORS_RETURN does nothing");
            f.setErrhandler(handler);
            f.callErrhandler(code);
            f.callErrhandler(ErrorCodes.ERR_ARG);
            assertEquals(List.of(new Seen(f, code), new Seen(f, ErrorCodes.ERR_ARG)), seen);
        }
    }

    @MpiTest
    void handlerExceptionsAreCaughtAndReported() {
        Comm world = TestMpi.world();
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = created(dir.file("angry.dat"));
             Errhandler angry = Errhandler.forFile((file, code) -> {
                 throw new IllegalStateException("file handler saw " + code + " on " + file.path());
             })) {
            f.setErrhandler(angry);
            IllegalStateException direct = assertThrows(IllegalStateException.class,
                    () -> f.callErrhandler(ErrorCodes.ERR_OTHER));
            assertEquals("file handler saw " + ErrorCodes.ERR_OTHER + " on " + f.path(), direct.getMessage());
            MpiException e = badView(f);
            assertTrue(e.getCause() instanceof IllegalStateException, () -> "cause " + e.getCause());
            assertEquals("file handler saw " + e.errorCode() + " on " + f.path(), e.getCause().getMessage());
            // nothing stale is left for the next failure
            f.setErrhandler(Errhandler.ERRORS_RETURN);
            assertNull(badView(f).getCause());
        }
    }

    @MpiTest
    void handlerOutlivesItsCloseUntilItsFileIsClosed() {
        Comm world = TestMpi.world();
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        try (SharedDir dir = SharedDir.create(world)) {
            Errhandler handler = recording(seen);
            try (MpiFile f = created(dir.file("outlived.dat"))) {
                f.setErrhandler(handler);
                handler.close();
                fails(IllegalStateException.class, "has been freed", () -> f.setErrhandler(handler));
                assertSame(handler, f.getErrhandler());
                badView(f);
                assertEquals(1, seen.size());
                assertSame(f, seen.get(0).file());
                assertTrue(Upcalls.javaErrhandlers(), "still set on a file");
            }
            assertFalse(Upcalls.javaErrhandlers(), "released when its last file was closed");
            // a new file starts with ERRORS_RETURN
            try (MpiFile g = created(dir.file("fresh.dat"))) {
                assertSame(Errhandler.ERRORS_RETURN, g.getErrhandler());
                badView(g);
                assertEquals(1, seen.size());
            }
        }
    }

    @MpiTest
    void misuseIsRefusedBeforeMpi() {
        Comm world = TestMpi.world();
        fails(NullPointerException.class, "handler", () -> Errhandler.forFile(null));
        try (SharedDir dir = SharedDir.create(world);
             MpiFile f = created(dir.file("misuse.dat"));
             Errhandler forComm = Errhandler.create((c, code) -> { });
             Errhandler forWin = Errhandler.forWin((w, code) -> { });
             Errhandler forFile = Errhandler.forFile((file, code) -> { })) {
            fails(IllegalArgumentException.class, "serves a communicator, not a file; a file takes one from"
                    + " Errhandler.forFile", () -> f.setErrhandler(forComm));
            fails(IllegalArgumentException.class, "serves a window, not a file", () -> f.setErrhandler(forWin));
            fails(IllegalArgumentException.class, "serves a file, not a communicator", () -> world.setErrhandler(forFile));
            assertSame(Errhandler.ERRORS_RETURN, f.getErrhandler());
            fails(NullPointerException.class, "errhandler", () -> f.setErrhandler(null));
            fails(IllegalArgumentException.class, "errorCode: -3", () -> f.callErrhandler(-3));
            f.setErrhandler(Errhandler.ERRORS_ARE_FATAL);
            assertSame(Errhandler.ERRORS_ARE_FATAL, f.getErrhandler());
            f.setErrhandler(Errhandler.ERRORS_RETURN);
            Path path = dir.file("closed.dat");
            MpiFile closed = created(path);
            closed.close();
            fails(IllegalStateException.class, "file " + path + " has been freed", () -> closed.setErrhandler(forFile));
            fails(IllegalStateException.class, "has been freed", closed::getErrhandler);
            fails(IllegalStateException.class, "has been freed", () -> closed.callErrhandler(ErrorCodes.ERR_ARG));
        }
    }
}
