package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.test.MpiTest;
import org.junit.jupiter.api.function.Executable;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Misused collective arguments are Java exceptions naming the argument, thrown before
 * any native call (so ranks that throw leave no collective half-started).
 */
class CollectiveArgumentTest {

    private static void fails(Class<? extends Throwable> type, String mention, Executable call) {
        Throwable e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mention),
                "expected '" + mention + "' in: " + e.getMessage());
    }

    @MpiTest
    void badCountAndDisplacementArrays() {
        Comm world = TestMpi.world();
        int n = world.size();
        int[] counts = Blocked.counts(n, 0);
        int[] displs = Blocked.displs(counts);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment send = arena.allocate(JAVA_INT, counts[world.rank()]);
            MemorySegment recv = arena.allocate(Blocked.intBytes(counts, displs));
            fails(IllegalArgumentException.class, "counts: length " + (n + 1),
                    () -> world.allgatherv(send, recv, new int[n + 1], displs, Datatype.INT));
            fails(NullPointerException.class, "displs", () -> world.allgatherv(send, recv, counts, null, Datatype.INT));
            int[] negative = counts.clone();
            negative[n - 1] = -3;
            fails(IllegalArgumentException.class, "counts[" + (n - 1) + "]: count must not be negative",
                    () -> world.allgatherv(send, recv, negative, displs, Datatype.INT));
            int[] backwards = displs.clone();
            backwards[0] = -1;
            fails(IllegalArgumentException.class, "displs[0]: displacement must not be negative",
                    () -> world.iallgatherv(send, recv, counts, backwards, Datatype.INT));
            int[] beyond = displs.clone();
            beyond[n - 1] += 3;
            fails(IllegalArgumentException.class, "displs[" + (n - 1) + "]: block",
                    () -> world.allgatherv(send, recv, counts, beyond, Datatype.INT));
            fails(IllegalArgumentException.class, "recvDispls[" + (n - 1) + "]",
                    () -> world.alltoallv(recv, counts, displs, recv, counts, beyond, Datatype.INT));
            fails(IllegalArgumentException.class, "send: holds",
                    () -> world.allgatherv(arena.allocate(JAVA_INT, 9), recv, counts, displs, Datatype.INT));
            fails(IllegalArgumentException.class, "recvTypes: length",
                    () -> world.alltoallw(recv, counts, displs, new Datatype[n], recv, counts, displs, new Datatype[0]));
            fails(NullPointerException.class, "sendTypes[0]",
                    () -> world.ialltoallw(recv, counts, displs, new Datatype[n], recv, new int[n], new int[n],
                            types(n)));
            fails(IllegalArgumentException.class, "counts: length",
                    () -> world.reduceScatter(send, recv, new int[n + 2], Datatype.INT, Op.SUM));
            fails(IllegalArgumentException.class, "send: ",
                    () -> world.reduceScatter(send.asSlice(0, 0), recv, counts, Datatype.INT, Op.SUM));
        }
    }

    private static Datatype[] types(int n) {
        Datatype[] t = new Datatype[n];
        Arrays.fill(t, Datatype.INT);
        return t;
    }

    @MpiTest
    void heapSegmentsAndInPlaceWhereRefused() {
        Comm world = TestMpi.world();
        int n = world.size();
        int me = world.rank();
        MemorySegment heap = MemorySegment.ofArray(new int[4 * n]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(JAVA_INT, 4L * n);
            // Heap memory is staged or copied in every collective; a read-only one still cannot receive.
            if (n > 1) {
                fails(IllegalArgumentException.class, "buf is a read-only segment",
                        () -> world.ibcast(heap.asReadOnly(), Datatype.INT, (me + 1) % n));
            }
            fails(IllegalArgumentException.class, "recv is a read-only segment",
                    () -> world.iallreduce(seg, heap.asReadOnly(), Datatype.INT, Op.SUM));
            fails(IllegalArgumentException.class, "recv is a read-only segment",
                    () -> world.alltoallv(heap, new int[n], new int[n], heap.asReadOnly(), new int[n], new int[n],
                            Datatype.INT));
            fails(IllegalArgumentException.class, "send: a MemorySegment has no element type",
                    () -> world.allgather((Object) seg, new int[4 * n]));
            fails(IllegalArgumentException.class, "recv: 8 elements per block differ from the 4 of send",
                    () -> world.allgather(new int[4], Buf.of(new int[8 * n], 0, 8)));
            fails(IllegalArgumentException.class, "buf: IN_PLACE", () -> world.bcast(Comm.IN_PLACE, Datatype.INT, 0));
            fails(IllegalArgumentException.class, "recv: IN_PLACE",
                    () -> world.allgather(seg, Comm.IN_PLACE, Datatype.INT));
            fails(IllegalArgumentException.class, "send: IN_PLACE",
                    () -> world.scatter(Comm.IN_PLACE, seg, Datatype.INT, me));
            fails(IllegalArgumentException.class, "recv: IN_PLACE",
                    () -> world.igather(seg, Comm.IN_PLACE, Datatype.INT, me));
            if (n > 1) {
                fails(IllegalArgumentException.class, "recv: " + 4 * n + " x ",
                        () -> world.gather(new int[4], Buf.of(new int[4 * n - 1], 0, 4), me));
                int other = (me + 1) % n;
                fails(IllegalArgumentException.class, "send: IN_PLACE is only accepted at the root",
                        () -> world.gather(Comm.IN_PLACE, seg, Datatype.INT, other));
                fails(IllegalArgumentException.class, "send: IN_PLACE is only accepted at the root",
                        () -> world.ireduce(Comm.IN_PLACE, seg, Datatype.INT, Op.SUM, other));
                fails(IllegalArgumentException.class, "recv: IN_PLACE is only accepted as the receive buffer at the root",
                        () -> world.scatterv(seg, null, null, Comm.IN_PLACE, Datatype.INT, other));
                fails(IllegalArgumentException.class, "recv: " + (2 * n + 1) + " elements do not split into",
                        () -> world.allgather(Comm.IN_PLACE, seg.asSlice(0, 4L * (2 * n + 1)), Datatype.INT));
            }
        }
    }
}
