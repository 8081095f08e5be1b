package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;
import org.junit.jupiter.api.function.Executable;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Misuse is a Java exception naming the argument, thrown before any native call. */
class ArgumentCheckTest {

    /** Asserts that {@code call} throws {@code type} with {@code mention} in its message. */
    static <T extends Throwable> void fails(Class<T> type, String mention, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mention),
                "expected '" + mention + "' in: " + e.getMessage());
    }

    @MpiTest(np = 1)
    void badBuffersRanksAndTags() {
        Comm world = TestMpi.world();
        MemorySegment closed;
        try (Arena arena = Arena.ofConfined()) {
            closed = arena.allocate(JAVA_INT, 4);
            MemorySegment odd = arena.allocate(6);
            fails(IllegalArgumentException.class, "buf", () -> world.send(odd, Datatype.INT, 0, 0));
            fails(IllegalArgumentException.class, "needs 32 bytes",
                    () -> world.send(arena.allocate(JAVA_INT, 4), 8, Datatype.INT, 0, 0));
            fails(IllegalArgumentException.class, "count must not be negative",
                    () -> world.send(arena.allocate(JAVA_INT, 4), -2, Datatype.INT, 0, 0));
            fails(IllegalArgumentException.class, "read-only",
                    () -> world.recv(arena.allocate(JAVA_INT, 4).asReadOnly(), Datatype.INT, 0, 0));
            fails(IllegalArgumentException.class, "dest: rank 1",
                    () -> world.send(arena.allocate(JAVA_INT), Datatype.INT, 1, 0));
            fails(IllegalArgumentException.class, "source: rank -5",
                    () -> world.recv(arena.allocate(JAVA_INT), Datatype.INT, -5, 0));
            fails(IllegalArgumentException.class, "tag: tag -3",
                    () -> world.send(arena.allocate(JAVA_INT), Datatype.INT, 0, -3));
            if (Mpi.tagUpperBound() < Integer.MAX_VALUE) {
                fails(IllegalArgumentException.class, "tag: tag " + (Mpi.tagUpperBound() + 1),
                        () -> world.send(arena.allocate(JAVA_INT), Datatype.INT, 0, Mpi.tagUpperBound() + 1));
            }
            fails(IllegalArgumentException.class, "count must not be negative",
                    () -> world.recv(arena.allocate(JAVA_INT, 4), -1, Datatype.INT, 0, 0, null));
            Request onHeap = world.irecv(MemorySegment.ofArray(new int[4]), Datatype.INT, 0, 0);
            fails(IllegalStateException.class, "must complete before it is closed", onHeap::close);
            onHeap.cancel();
            onHeap.waitFor();
            fails(IllegalArgumentException.class, "root: rank 3",
                    () -> world.bcast(new int[1], 3));
            fails(IllegalArgumentException.class, "recv: length",
                    () -> world.allreduce(new int[2], new int[3], Op.SUM));
            fails(IndexOutOfBoundsException.class, "buf: offset 3",
                    () -> world.send(Buf.of(new int[4], 3, 2), 0, 0));
        }
        fails(IllegalStateException.class, "arena has been closed", () -> world.send(closed, Datatype.INT, 0, 0));
        fails(NullPointerException.class, "buf", () -> world.send((int[]) null, 0, 0));
        fails(NullPointerException.class, "type", () -> world.send(MemorySegment.NULL, null, 0, 0));
    }

    @MpiTest(np = 1)
    void wrongThreadForTheLevelIsNotAtIssueWithMultiple() throws Exception {
        Comm world = TestMpi.world();
        int[] size = new int[1];
        Thread t = Thread.ofPlatform().start(() -> size[0] = world.size());
        t.join();
        assertTrue(size[0] == 1);
    }
}
