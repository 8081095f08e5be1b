package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error handlers in Java, the predefined ones, calling a handler, and user error classes and codes. */
class ErrhandlerTest {

    /** What a handler saw. */
    record Seen(Comm comm, int code) {
    }

    private static Errhandler recording(List<Seen> seen) {
        return Errhandler.create((comm, code) -> seen.add(new Seen(comm, code)));
    }

    /**
     * Each rank sends 10 ints to the next and receives from the previous into a buffer of
     * 5: a truncation that only MPI can detect.
     */
    private static MpiException truncate(Comm comm, boolean heap) {
        int next = (comm.rank() + 1) % comm.size();
        int prev = (comm.rank() + comm.size() - 1) % comm.size();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, 10);
            Request sent = comm.isend(out, Datatype.INT, next, 5);
            MpiException e;
            if (heap) {
                int[] small = new int[5];
                e = assertThrows(MpiException.class, () -> comm.recv(small, prev, 5));
            } else {
                MemorySegment small = arena.allocate(JAVA_INT, 5);
                e = assertThrows(MpiException.class, () -> comm.recv(small, Datatype.INT, prev, 5));
            }
            sent.waitFor();
            return e;
        }
    }

    @MpiTest
    void javaHandlerSeesAGenuineTruncationAndTheCommunicator() {
        Comm world = TestMpi.world();
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        try (Comm comm = world.dup(); Errhandler handler = recording(seen)) {
            assertSame(Errhandler.ERRORS_RETURN, comm.getErrhandler());
            comm.setErrhandler(handler);
            assertSame(handler, comm.getErrhandler());
            MpiException e = truncate(comm, false);
            assertEquals(ErrorCodes.ERR_TRUNCATE, e.errorClass());
            assertEquals(1, seen.size());
            assertSame(comm, seen.get(0).comm());
            assertEquals(e.errorCode(), seen.get(0).code());
            assertEquals(ErrorCodes.ERR_TRUNCATE, ErrorCodes.classOf(seen.get(0).code()));
            // a Java array: the call must not pin it (a critical downcall) while MPI may call back
            MpiException onHeap = truncate(comm, true);
            assertEquals(ErrorCodes.ERR_TRUNCATE, onHeap.errorClass());
            assertEquals(2, seen.size());
            // other communicators are not affected
            MpiException onWorld = truncate(world, false);
            assertEquals(ErrorCodes.ERR_TRUNCATE, onWorld.errorClass());
            assertEquals(2, seen.size());
        }
    }

    @MpiTest
    void heapArraysStillWorkWhileAJavaHandlerExists() {
        Comm world = TestMpi.world();
        try (Comm comm = world.dup(); Errhandler handler = Errhandler.create((c, code) -> { })) {
            comm.setErrhandler(handler);
            int next = (comm.rank() + 1) % comm.size();
            int prev = (comm.rank() + comm.size() - 1) % comm.size();
            int[] out = {comm.rank(), 7, 8};
            int[] in = new int[3];
            comm.sendrecv(MemorySegment.ofArray(out), Datatype.INT, next, 1, MemorySegment.ofArray(in), Datatype.INT,
                    prev, 1);
            assertArrayEquals(new int[] {prev, 7, 8}, in);
            long[] sum = {comm.rank()};
            comm.allreduce(sum, Op.SUM);
            assertEquals((long) comm.size() * (comm.size() - 1) / 2, sum[0]);
        }
    }

    @MpiTest
    void dupInheritsTheHandlerAndItOutlivesItsClose() {
        Comm world = TestMpi.world();
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        Errhandler handler = recording(seen);
        try (Comm parent = world.dup()) {
            parent.setErrhandler(handler);
            handler.close();
            assertThrows(IllegalStateException.class, () -> world.setErrhandler(handler));
            try (Comm child = parent.dup(); Comm split = parent.split(0, -parent.rank())) {
                assertSame(handler, child.getErrhandler());
                assertSame(handler, split.getErrhandler());
                truncate(child, false);
                truncate(split, false);
                assertEquals(2, seen.size());
                assertSame(child, seen.get(0).comm());
                assertSame(split, seen.get(1).comm());
            }
            parent.setErrhandler(Errhandler.ERRORS_RETURN);
            assertSame(Errhandler.ERRORS_RETURN, parent.getErrhandler());
            truncate(parent, false);
            assertEquals(2, seen.size());
        }
    }

    @MpiTest
    void predefinedHandlersSetAndGet() {
        Comm world = TestMpi.world();
        assertSame(Errhandler.ERRORS_RETURN, world.getErrhandler());
        try (Comm comm = world.dup()) {
            comm.setErrhandler(Errhandler.ERRORS_ARE_FATAL);
            assertSame(Errhandler.ERRORS_ARE_FATAL, comm.getErrhandler());
            comm.setErrhandler(Errhandler.ERRORS_RETURN);
            assertSame(Errhandler.ERRORS_RETURN, comm.getErrhandler());
            assertEquals(ErrorCodes.ERR_TRUNCATE, truncate(comm, false).errorClass());
        }
        Errhandler.ERRORS_RETURN.close();
        assertTrue(Errhandler.ERRORS_RETURN.isPredefined());
        assertSame(Errhandler.ERRORS_RETURN, world.getErrhandler());
    }

    @MpiTest
    void callErrhandlerWithUserClassCodeAndString() {
        Comm world = TestMpi.world();
        int cls = ErrorCodes.addClass();
        int code = ErrorCodes.addCode(cls);
        ErrorCodes.addString(cls, "jmpi test class");
        ErrorCodes.addString(code, "jmpi test code on rank " + world.rank());
        assertTrue(cls > ErrorCodes.ERR_LASTCODE);
        assertTrue(ErrorCodes.lastUsedCode() >= code);
        assertEquals(cls, ErrorCodes.classOf(code));
        assertEquals("jmpi test code on rank " + world.rank(), ErrorCodes.string(code));
        assertEquals("jmpi test class", ErrorCodes.string(cls));
        MpiException e = MpiException.of(code, "my operation");
        assertEquals(code, e.errorCode());
        assertEquals(cls, e.errorClass());
        assertTrue(e.getMessage().contains("jmpi test code on rank " + world.rank()), e.getMessage());
        List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
        try (Comm comm = world.dup(); Errhandler handler = recording(seen)) {
            comm.callErrhandler(code);
            assertEquals(0, seen.size());
            comm.setErrhandler(handler);
            comm.callErrhandler(code);
            comm.callErrhandler(ErrorCodes.ERR_ARG);
            assertEquals(List.of(new Seen(comm, code), new Seen(comm, ErrorCodes.ERR_ARG)), seen);
        }
    }

    @MpiTest
    void handlerExceptionsAreCaughtAndReported() {
        Comm world = TestMpi.world();
        try (Comm comm = world.dup(); Errhandler angry = Errhandler.create((c, code) -> {
            throw new IllegalStateException("handler saw " + code);
        })) {
            comm.setErrhandler(angry);
            IllegalStateException direct = assertThrows(IllegalStateException.class,
                    () -> comm.callErrhandler(ErrorCodes.ERR_OTHER));
            assertEquals("handler saw " + ErrorCodes.ERR_OTHER, direct.getMessage());
            MpiException e = truncate(comm, false);
            assertTrue(e.getCause() instanceof IllegalStateException, () -> "cause " + e.getCause());
            assertEquals("handler saw " + e.errorCode(), e.getCause().getMessage());
            // nothing stale is left for the next failure
            comm.setErrhandler(Errhandler.ERRORS_RETURN);
            assertEquals(null, truncate(comm, false).getCause());
        }
    }

    @MpiTest
    void argumentsAreChecked() {
        Comm world = TestMpi.world();
        assertThrows(NullPointerException.class, () -> Errhandler.create(null));
        assertThrows(NullPointerException.class, () -> world.setErrhandler(null));
        int last = ErrorCodes.lastUsedCode();
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> world.callErrhandler(0));
        assertTrue(zero.getMessage().startsWith("errorCode"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> world.callErrhandler(last + 1));
        assertThrows(IllegalArgumentException.class, () -> ErrorCodes.addCode(last + 1));
        assertThrows(IllegalArgumentException.class, () -> ErrorCodes.addString(ErrorCodes.ERR_TRUNCATE, "mine"));
        assertThrows(IllegalArgumentException.class, () -> ErrorCodes.string(-1));
        int cls = ErrorCodes.addClass();
        assertThrows(IllegalArgumentException.class,
                () -> ErrorCodes.addString(cls, "x".repeat(org.jmpi.bindings.abi.MpiCalls.MPI_MAX_ERROR_STRING())));
        assertThrows(NullPointerException.class, () -> ErrorCodes.addString(cls, null));
        Comm freed = world.dup();
        freed.close();
        try (Errhandler h = Errhandler.create((c, code) -> { })) {
            assertThrows(IllegalStateException.class, () -> freed.setErrhandler(h));
            assertThrows(IllegalStateException.class, freed::getErrhandler);
        }
    }
}
