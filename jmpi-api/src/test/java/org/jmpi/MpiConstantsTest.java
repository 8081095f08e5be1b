package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's integer constants ({@link MpiConstants}, the error classes of
 * {@link ErrorCodes}) against the values Open MPI 4.1 and MPICH 4.0 give them, and the
 * multiple-completion calls that fill statuses.
 */
class MpiConstantsTest {

    @MpiTest(np = 1)
    void constantsAreTheRunningMpis() {
        TestMpi.mpi();
        if (TestMpi.mpich()) {
            assertEquals(48, ErrorCodes.ERR_KEYVAL);
            assertEquals(19, ErrorCodes.ERR_REQUEST);
            assertEquals(7, ErrorCodes.ERR_ROOT);
            assertEquals(45, ErrorCodes.ERR_WIN);
            assertEquals(0x64400001, MpiConstants.TAG_UB);
            assertEquals(56, MpiConstants.ORDER_C);
        } else {
            assertEquals(36, ErrorCodes.ERR_KEYVAL);
            assertEquals(7, ErrorCodes.ERR_REQUEST);
            assertEquals(8, ErrorCodes.ERR_ROOT);
            assertEquals(53, ErrorCodes.ERR_WIN);
            assertEquals(0, MpiConstants.TAG_UB);
            assertEquals(0, MpiConstants.ORDER_C);
        }
        int[] classes = {ErrorCodes.ERR_REQUEST, ErrorCodes.ERR_ROOT, ErrorCodes.ERR_GROUP, ErrorCodes.ERR_OP,
            ErrorCodes.ERR_TOPOLOGY, ErrorCodes.ERR_DIMS, ErrorCodes.ERR_UNKNOWN, ErrorCodes.ERR_ACCESS,
            ErrorCodes.ERR_AMODE, ErrorCodes.ERR_ASSERT, ErrorCodes.ERR_BAD_FILE, ErrorCodes.ERR_BASE,
            ErrorCodes.ERR_CONVERSION, ErrorCodes.ERR_DISP, ErrorCodes.ERR_DUP_DATAREP, ErrorCodes.ERR_FILE_EXISTS,
            ErrorCodes.ERR_FILE_IN_USE, ErrorCodes.ERR_FILE, ErrorCodes.ERR_INFO, ErrorCodes.ERR_IO,
            ErrorCodes.ERR_LOCKTYPE, ErrorCodes.ERR_NAME, ErrorCodes.ERR_NO_MEM, ErrorCodes.ERR_NOT_SAME,
            ErrorCodes.ERR_NO_SPACE, ErrorCodes.ERR_NO_SUCH_FILE, ErrorCodes.ERR_PORT, ErrorCodes.ERR_QUOTA,
            ErrorCodes.ERR_READ_ONLY, ErrorCodes.ERR_RMA_CONFLICT, ErrorCodes.ERR_RMA_SYNC, ErrorCodes.ERR_RMA_RANGE,
            ErrorCodes.ERR_RMA_ATTACH, ErrorCodes.ERR_RMA_SHARED, ErrorCodes.ERR_RMA_FLAVOR, ErrorCodes.ERR_SERVICE,
            ErrorCodes.ERR_SIZE, ErrorCodes.ERR_SPAWN, ErrorCodes.ERR_UNSUPPORTED_DATAREP,
            ErrorCodes.ERR_UNSUPPORTED_OPERATION, ErrorCodes.ERR_WIN, ErrorCodes.ERR_BUFFER, ErrorCodes.ERR_KEYVAL};
        assertEquals(classes.length, Arrays.stream(classes).distinct().count());
        for (int c : classes) {
            assertTrue(c > 0 && c <= ErrorCodes.ERR_LASTCODE, "class " + c);
            assertEquals(c, ErrorCodes.classOf(c), "a class is its own class");
        }
        int[] modes = {MpiConstants.MODE_CREATE, MpiConstants.MODE_RDONLY, MpiConstants.MODE_WRONLY,
            MpiConstants.MODE_RDWR, MpiConstants.MODE_DELETE_ON_CLOSE, MpiConstants.MODE_UNIQUE_OPEN,
            MpiConstants.MODE_EXCL, MpiConstants.MODE_APPEND, MpiConstants.MODE_SEQUENTIAL};
        assertTrue(Arrays.stream(modes).allMatch(m -> Integer.bitCount(m) == 1), Arrays.toString(modes));
        assertEquals(modes.length, Integer.bitCount(Arrays.stream(modes).reduce(0, (a, b) -> a | b)));
        assertEquals(Set.of(MpiConstants.IDENT, MpiConstants.CONGRUENT, MpiConstants.SIMILAR, MpiConstants.UNEQUAL)
                .size(), 4);
        assertEquals(TestMpi.mpich() ? 4 : 3, MpiConstants.VERSION);
        assertNotEquals(MpiConstants.LOCK_EXCLUSIVE, MpiConstants.LOCK_SHARED);
        assertEquals(Mpi.tagUpperBound(), TestMpi.world().tagUpperBound());
        assertTrue(MpiConstants.MAX_INFO_KEY > 0 && MpiConstants.MAX_INFO_VAL > MpiConstants.MAX_INFO_KEY);
        assertEquals(Comparison.IDENT, TestMpi.world().compare(TestMpi.world()));
    }

    @MpiTest
    void multipleCompletionsFillStatuses() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(JAVA_INT, n);
            MemorySegment out = arena.allocate(JAVA_INT, n);
            Request[] recvs = new Request[n];
            for (int p = 0; p < n; p++) {
                out.setAtIndex(JAVA_INT, p, me * 100 + p);
                recvs[p] = world.irecv(in.asSlice(4L * p, 4), Datatype.INT32, p, 30 + p);
            }
            Request[] sends = new Request[n];
            for (int p = 0; p < n; p++) {
                sends[p] = world.isend(out.asSlice(4L * p, 4), Datatype.INT32, p, 30 + me);
            }
            Status first = new Status();
            int k = Request.waitAny(recvs, first);
            assertEquals(k, first.source());
            assertEquals(30 + k, first.tag());
            Request[] rest = IntStream.range(0, n).filter(i -> i != k).mapToObj(i -> recvs[i]).toArray(Request[]::new);
            Status[] st = IntStream.range(0, rest.length).mapToObj(i -> new Status()).toArray(Status[]::new);
            int got = 0;
            while (got < rest.length) {
                Request[] active = Arrays.stream(rest).filter(Request::isActive).toArray(Request[]::new);
                Status[] sts = Arrays.copyOf(st, active.length);
                for (int i : Request.waitSome(active, sts)) {
                    got++;
                    assertEquals(30 + sts[i].source(), sts[i].tag());
                }
            }
            Request.waitAll(sends);
            for (int p = 0; p < n; p++) {
                assertEquals(p * 100 + me, in.getAtIndex(JAVA_INT, p));
            }
            Request r = world.irecv(in.asSlice(0, 4), Datatype.INT32, me, 99);
            Status none = new Status();
            assertEquals(-1, Request.testAny(new Request[] {r}, none));
            Request s = world.isend(out.asSlice(0, 4), Datatype.INT32, me, 99);
            Status st2 = new Status();
            while (Request.testAny(new Request[] {r}, st2) < 0) {
                Thread.onSpinWait();
            }
            assertEquals(me, st2.source());
            assertEquals(99, st2.tag());
            s.waitFor();
        }
    }
}
