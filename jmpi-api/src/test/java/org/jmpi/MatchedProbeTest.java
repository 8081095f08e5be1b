package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Matched probe and receive, with several senders and several receiving threads. */
class MatchedProbeTest {
    private static final int PER_SENDER = 40;

    /** The length of message {@code seq} from {@code sender}: varies so every probe must size its buffer. */
    private static int length(int sender, int seq) {
        return 1 + (sender * 7 + seq * 13) % 50;
    }

    @MpiTest(np = {2, 4})
    void threadsMatchEveryMessageOfSeveralSendersExactlyOnce() throws Exception {
        Comm world = TestMpi.world();
        if (world.rank() != 0) {
            try (Arena arena = Arena.ofConfined()) {
                for (int seq = 0; seq < PER_SENDER; seq++) {
                    int n = length(world.rank(), seq);
                    MemorySegment out = arena.allocate(JAVA_LONG, n);
                    for (int i = 0; i < n; i++) {
                        out.setAtIndex(JAVA_LONG, i, world.rank() * 1_000_000L + seq * 1000L + i);
                    }
                    world.send(out, Datatype.INT64, 0, seq);
                }
            }
        } else {
            int total = PER_SENDER * (world.size() - 1);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            int threads = 3;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int share = total / threads + (t < total % threads ? 1 : 0);
                done.add(pool.submit(() -> {
                    for (int k = 0; k < share; k++) {
                        Message m = world.mprobe(Comm.ANY_SOURCE, Comm.ANY_TAG);
                        int n = m.count(Datatype.INT64);
                        assertEquals(length(m.source(), m.tag()), n);
                        try (Arena arena = Arena.ofConfined()) {
                            MemorySegment in = arena.allocate(JAVA_LONG, n);
                            Status st = m.recv(in, Datatype.INT64);
                            assertEquals(n, st.count(Datatype.INT64));
                            for (int i = 0; i < n; i++) {
                                assertEquals(m.source() * 1_000_000L + m.tag() * 1000L + i, in.getAtIndex(JAVA_LONG, i));
                            }
                        }
                        assertTrue(seen.add(m.source() + "/" + m.tag()), "received twice: " + m);
                        assertThrows(IllegalStateException.class, () -> m.recv(MemorySegment.NULL, Datatype.INT64));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertEquals(total, seen.size());
        }
        world.barrier();
    }

    @MpiTest
    void improbeAndNonblockingMatchedReceive() {
        Comm world = TestMpi.world();
        int peer = (world.rank() + 1) % world.size();
        int from = (world.rank() - 1 + world.size()) % world.size();
        assertNull(world.improbe(from, 31), "nothing sent yet");
        world.barrier();
        world.send(new int[] {world.rank(), 5, 6}, peer, 31);
        Message m;
        do {
            m = world.improbe(from, 31);
        } while (m == null);
        assertEquals(3, m.count(Datatype.INT));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocate(JAVA_INT, 3);
            m.irecv(in, Datatype.INT).waitFor();
            assertEquals(from, in.getAtIndex(JAVA_INT, 0));
            assertEquals(6, in.getAtIndex(JAVA_INT, 2));
        }
        assertTrue(m.isReceived());
    }

    @MpiTest
    void sendrecvReplaceShiftsARing() {
        Comm world = TestMpi.world();
        int peer = (world.rank() + 1) % world.size();
        int from = (world.rank() - 1 + world.size()) % world.size();
        int[] data = {world.rank(), world.rank() * 2, -1};
        Status st = world.sendrecvReplace(MemorySegment.ofArray(data), Datatype.INT, peer, 4, from, 4);
        assertEquals(from, st.source());
        assertEquals(from, data[0]);
        assertEquals(from * 2, data[1]);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(JAVA_LONG, 2);
            seg.setAtIndex(JAVA_LONG, 1, world.rank() + 100L);
            world.sendrecvReplace(seg, Datatype.INT64, peer, 5, Comm.ANY_SOURCE, Comm.ANY_TAG);
            assertEquals(from + 100L, seg.getAtIndex(JAVA_LONG, 1));
        }
    }
}
