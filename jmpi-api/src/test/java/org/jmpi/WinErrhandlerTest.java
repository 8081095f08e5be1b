package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jmpi.internal.Upcalls;
import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.jmpi.ArgumentCheckTest.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Window error handlers written in Java: called by MPI on a real error and by callErrhandler, and refused misuse. */
class WinErrhandlerTest {
    /** {@code MPI_ERR_RMA_SYNC}: an RMA call outside an epoch (47 on Open MPI, MPICH's own value there). */
    private static final int MPI_ERR_RMA_SYNC = org.jmpi.bindings.abi.MpiCalls.MPI_ERR_RMA_SYNC();

    /** What a handler saw. */
    record Seen(Win win, int code) {
    }

    private static Errhandler recording(List<Seen> seen) {
        return Errhandler.forWin((win, code) -> seen.add(new Seen(win, code)));
    }

    /**
     * A put into the next rank's window while no epoch is open (call it before any fence or
     * lock on {@code win}): only MPI tracks fence epochs, so this fails in MPI, with
     * MPI_ERR_RMA_SYNC on Open MPI and MPICH, through the window's handler. Only between
     * processes: Open MPI does not check the epoch of a window of one process.
     */
    private static MpiException badPut(Win win) {
        Comm world = TestMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment d = arena.allocateFrom(JAVA_DOUBLE, 1.5);
            MpiException e = assertThrows(MpiException.class,
                    () -> win.put(d, Datatype.DOUBLE, (world.rank() + 1) % world.size(), 0));
            assertEquals(MPI_ERR_RMA_SYNC, e.errorClass(), e.getMessage());
            return e;
        }
    }

    @MpiTest(np = {2, 4})
    void javaHandlerSeesARealErrorAndTheWindow() {
        Comm world = TestMpi.world();
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        try (Win win = Win.allocate(world, 64, 8); Win other = Win.allocate(world, 64, 8);
             Errhandler handler = recording(seen)) {
            assertSame(Errhandler.ERRORS_RETURN, win.getErrhandler());
            win.setErrhandler(handler);
            assertSame(handler, win.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, other.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, world.getErrhandler());
            MpiException e = badPut(win);
            assertEquals(List.of(new Seen(win, e.errorCode())), seen);
            assertNull(e.getCause());
            // other windows are not affected
            badPut(other);
            assertEquals(1, seen.size());
            // the window still works
            win.fence();
            win.memory().set(JAVA_DOUBLE, 0, world.rank());
            win.fence();
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment got = arena.allocate(JAVA_DOUBLE);
                win.get(got, Datatype.DOUBLE, (world.rank() + 1) % world.size(), 0);
                win.fence();
                assertEquals((world.rank() + 1) % world.size(), got.get(JAVA_DOUBLE, 0));
            }
        }
    }

    @MpiTest
    void callErrhandlerRunsTheHandlerWithTheCode() {
        Comm world = TestMpi.world();
        int code = ErrorCodes.addCode(ErrorCodes.addClass());
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        try (Win win = Win.allocate(world, 8, 8); Errhandler handler = recording(seen)) {
            win.callErrhandler(code);
            assertEquals(0, seen.size(), "ERRORS_RETURN does nothing");
            win.setErrhandler(handler);
            win.callErrhandler(code);
            win.callErrhandler(ErrorCodes.ERR_ARG);
            assertEquals(List.of(new Seen(win, code), new Seen(win, ErrorCodes.ERR_ARG)), seen);
        }
    }

    @MpiTest(np = {2, 4})
    void handlerExceptionsAreCaughtAndReported() {
        Comm world = TestMpi.world();
        try (Win win = Win.allocate(world, 8, 8); Errhandler angry = Errhandler.forWin((w, code) -> {
            throw new IllegalStateException("window handler saw " + code + " on " + w);
        })) {
            win.setErrhandler(angry);
            IllegalStateException direct = assertThrows(IllegalStateException.class,
                    () -> win.callErrhandler(ErrorCodes.ERR_OTHER));
            assertEquals("window handler saw " + ErrorCodes.ERR_OTHER + " on " + win, direct.getMessage());
            MpiException e = badPut(win);
            assertTrue(e.getCause() instanceof IllegalStateException, () -> "cause " + e.getCause());
            assertEquals("window handler saw " + e.errorCode() + " on " + win, e.getCause().getMessage());
            // nothing stale is left for the next failure
            win.setErrhandler(Errhandler.ERRORS_RETURN);
            assertNull(badPut(win).getCause());
        }
    }

    @MpiTest(np = {2, 4})
    void handlerOutlivesItsCloseUntilItsWindowIsFreed() {
        Comm world = TestMpi.world();
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        Errhandler handler = recording(seen);
        assertTrue(Upcalls.javaErrhandlers(), "a Java window handler counts");
        try (Win win = Win.allocate(world, 8, 8)) {
            win.setErrhandler(handler);
            handler.close();
            fails(IllegalStateException.class, "has been freed", () -> win.setErrhandler(handler));
            assertSame(handler, win.getErrhandler());
            badPut(win);
            assertEquals(1, seen.size());
            assertSame(win, seen.get(0).win());
            assertTrue(Upcalls.javaErrhandlers(), "still set on a window");
        }
        assertFalse(Upcalls.javaErrhandlers(), "released when its last window was freed");
    }

    @MpiTest(np = {2, 4})
    void predefinedHandlersSetAndGet() {
        Comm world = TestMpi.world();
        try (Win win = Win.allocate(world, 8, 8)) {
            win.setErrhandler(Errhandler.ERRORS_ARE_FATAL);
            assertSame(Errhandler.ERRORS_ARE_FATAL, win.getErrhandler());
            win.setErrhandler(Errhandler.ERRORS_RETURN);
            assertSame(Errhandler.ERRORS_RETURN, win.getErrhandler());
            assertNull(badPut(win).getCause());
        }
    }

    @MpiTest
    void misuseIsRefusedBeforeMpi() {
        Comm world = TestMpi.world();
        fails(NullPointerException.class, "handler", () -> Errhandler.forWin(null));
        try (Win win = Win.allocate(world, 8, 8);
             Errhandler forComm = Errhandler.create((c, code) -> { });
             Errhandler forWin = Errhandler.forWin((w, code) -> { });
             Errhandler forFile = Errhandler.forFile((f, code) -> { })) {
            fails(IllegalArgumentException.class, "serves a communicator, not a window; a window takes one from"
                    + " Errhandler.forWin", () -> win.setErrhandler(forComm));
            fails(IllegalArgumentException.class, "serves a file, not a window", () -> win.setErrhandler(forFile));
            fails(IllegalArgumentException.class, "serves a window, not a communicator; a communicator takes one"
                    + " from Errhandler.create", () -> world.setErrhandler(forWin));
            assertSame(Errhandler.ERRORS_RETURN, win.getErrhandler());
            assertSame(Errhandler.ERRORS_RETURN, world.getErrhandler());
            fails(NullPointerException.class, "errhandler", () -> win.setErrhandler(null));
            fails(IllegalArgumentException.class, "errorCode: 0", () -> win.callErrhandler(0));
            int last = ErrorCodes.lastUsedCode();
            fails(IllegalArgumentException.class, "errorCode: " + (last + 1), () -> win.callErrhandler(last + 1));
            Win freed = Win.allocate(world, 8, 8);
            freed.close();
            fails(IllegalStateException.class, "window has been freed", () -> freed.setErrhandler(forWin));
            fails(IllegalStateException.class, "window has been freed", freed::getErrhandler);
            fails(IllegalStateException.class, "window has been freed", () -> freed.callErrhandler(ErrorCodes.ERR_ARG));
        }
    }
}
