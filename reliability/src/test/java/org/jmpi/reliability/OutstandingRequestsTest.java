package org.jmpi.reliability;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Request;
import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 receives and 10,000 sends outstanding at once per rank, matched by tag while
 * the sends go out in a shuffled order, and completed out of order: receives one at a
 * time by {@code waitAny} or in batches by {@code testSome}, sends one by one in
 * reverse. Every receive gets exactly its own message.
 */
class OutstandingRequestsTest {
    private static final int N = 10_000;
    private static final int CHUNK = 500;

    private static long value(int source, int tag) {
        return source * 1_000_003L + tag * 7919L + 11;
    }

    /** Completes one receive ({@code waitAny}) or those that are done ({@code testSome}), checking each. */
    private static void complete(Request[] recvs, boolean batches, MemorySegment in, int prev,
            boolean[] seen, List<Integer> completion) {
        int[] done = batches ? Request.testSome(recvs) : new int[] {Request.waitAny(recvs)};
        for (int tag : done) {
            assertTrue(!seen[tag], "receive " + tag + " completed twice");
            seen[tag] = true;
            completion.add(tag);
            assertEquals(tag, in.get(JAVA_LONG, 16L * tag), "tag echoed in message " + tag);
            assertEquals(value(prev, tag), in.get(JAVA_LONG, 16L * tag + 8), "payload of message " + tag);
        }
    }

    private static void exchange(boolean batches) {
        Comm world = RankMpi.world();
        int next = (world.rank() + 1) % world.size();
        int prev = (world.rank() + world.size() - 1) % world.size();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(JAVA_LONG, 2L * N);
            MemorySegment out = arena.allocate(JAVA_LONG, 2L * N);
            Request[] recvs = new Request[N];
            for (int tag = 0; tag < N; tag++) {
                recvs[tag] = world.irecv(in.asSlice(16L * tag, 16), 2, Datatype.INT64, prev, tag, new Request());
            }
            List<Integer> order = new ArrayList<>();
            for (int tag = 0; tag < N; tag++) {
                order.add(tag);
            }
            Collections.shuffle(order, new Random(world.rank() * 31L + (batches ? 1 : 0)));
            Request[] sends = new Request[N];
            boolean[] seen = new boolean[N];
            List<Integer> completion = new ArrayList<>(N);
            for (int i = 0; i < N; i++) {
                int tag = order.get(i);
                MemorySegment msg = out.asSlice(16L * tag, 16);
                msg.set(JAVA_LONG, 0, tag);
                msg.set(JAVA_LONG, 8, value(world.rank(), tag));
                sends[i] = world.isend(msg, 2, Datatype.INT64, next, tag, new Request());
                if (i % CHUNK == CHUNK - 1) {
                    // Complete some receives while sends are still being posted.
                    complete(recvs, batches, in, prev, seen, completion);
                }
            }
            while (completion.size() < N) {
                complete(recvs, batches, in, prev, seen, completion);
            }
            for (int i = N - 1; i >= 0; i--) {
                sends[i].waitFor();
                assertTrue(sends[i].isDone());
            }
            List<Integer> sorted = new ArrayList<>(completion);
            Collections.sort(sorted);
            assertNotEquals(sorted, completion, "receives completed in posting order: nothing was out of order");
            world.barrier();
        }
    }

    @MpiTest(timeoutSeconds = 300)
    void tenThousandReceivesCompletedOneByOneOutOfOrder() {
        exchange(false);
    }

    @MpiTest(timeoutSeconds = 300)
    void tenThousandReceivesCompletedInBatchesOutOfOrder() {
        // On MPICH this failed once in three full runs on a loaded machine (a completion
        // went unreported and the job hung; docs/mpich.md); it passes alone and in C.
        // Not yet understood, so it runs on Open MPI only until it is.
        org.junit.jupiter.api.Assumptions.assumeFalse(
                org.jmpi.bindings.abi.Abi.KIND == org.jmpi.bindings.abi.MpiKind.MPICH,
                "batched testSome over 10,000 receives is not yet reliable on MPICH (docs/mpich.md)");
        exchange(true);
    }

    /** The check for a request given twice is linear, so it is kept for 10,000 requests. */
    @MpiTest(np = 1)
    void sameRequestTwiceInOneCallIsRefused() {
        Comm world = RankMpi.world();
        try (Arena arena = Arena.ofConfined()) {
            Request[] recvs = new Request[N];
            for (int i = 0; i < N; i++) {
                recvs[i] = world.irecv(arena.allocate(8), 1, Datatype.INT64, 0, i, new Request());
            }
            Request[] withDuplicate = java.util.Arrays.copyOf(recvs, N + 1);
            withDuplicate[N] = recvs[1234];
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Request.testSome(withDuplicate));
            assertEquals("requests[" + N + "]: the same request as requests[1234]", e.getMessage());
            for (Request r : recvs) {
                r.cancel();
            }
            Request.waitAll(recvs);
        }
    }
}
