package org.jmpi.reliability;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.zip.CRC32C;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Op;
import org.jmpi.Request;
import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 1,000,000 messages of mixed sizes (16 B to 64 KiB, mostly small) among 4 ranks, every
 * rank sending to every other in windows of nonblocking operations. Each message carries
 * its sequence number, its size and a CRC-32C of its pseudo-random payload; the receiver
 * checks all three against what the sender must have sent, so a lost, duplicated,
 * reordered, truncated or corrupted message is counted. All counts are summed over the
 * job: at least 1,000,000 received, 0 lost, 0 corrupted.
 */
class MessageLoadTest {
    /** Messages in the whole job; {@code -Djmpi.load.messages} lowers it for quick local runs. */
    private static final long TOTAL = Long.getLong("jmpi.load.messages", 1_000_000L);
    private static final int WINDOW = 32;
    private static final int MAX = 64 * 1024;
    private static final int HEADER = 24;

    /** The size of message {@code seq} from {@code source}: 90% up to 256 B, 9% up to 4 KiB, 1% up to 64 KiB. */
    static int size(int source, long seq) {
        long h = mix(source * 0x9E3779B97F4A7C15L + seq);
        int bucket = (int) Long.remainderUnsigned(h, 100);
        int range = bucket < 90 ? 256 : bucket < 99 ? 4096 : MAX;
        return HEADER + (int) Long.remainderUnsigned(h >>> 20, range - HEADER + 1);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long crc(MemorySegment msg, int size) {
        CRC32C crc = new CRC32C();
        crc.update(msg.asSlice(HEADER, size - HEADER).asByteBuffer());
        return crc.getValue();
    }

    private static void fill(MemorySegment msg, int source, long seq, int size) {
        long state = mix(seq * 31 + source);
        for (long off = HEADER; off + 8 <= size; off += 8) {
            state = mix(state);
            msg.set(JAVA_LONG.withByteAlignment(1), off, state);
        }
        for (long off = size - (size - HEADER) % 8; off < size; off++) {
            msg.set(java.lang.foreign.ValueLayout.JAVA_BYTE, off, (byte) (seq + off));
        }
        msg.set(JAVA_LONG, 0, seq);
        msg.set(JAVA_LONG, 8, size);
        msg.set(JAVA_LONG, 16, crc(msg, size));
    }

    @MpiTest(np = 4, timeoutSeconds = 900)
    void millionMixedMessagesArriveIntact() {
        Comm world = RankMpi.world();
        int n = world.size();
        int me = world.rank();
        int peers = n - 1;
        long perPeer = Math.ceilDiv(TOTAL, (long) n * peers);
        long[] counts = new long[4]; // sent, received, corrupted, out of sequence
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[][] in = new MemorySegment[peers][WINDOW];
            MemorySegment[][] out = new MemorySegment[peers][WINDOW];
            Request[] requests = new Request[2 * peers * WINDOW];
            for (int p = 0; p < peers; p++) {
                for (int w = 0; w < WINDOW; w++) {
                    in[p][w] = arena.allocate(MAX, 8);
                    out[p][w] = arena.allocate(MAX, 8);
                }
            }
            for (int i = 0; i < requests.length; i++) {
                requests[i] = new Request();
            }
            long[] expected = new long[n];
            for (long base = 0; base < perPeer; base += WINDOW) {
                int batch = (int) Math.min(WINDOW, perPeer - base);
                int r = 0;
                for (int p = 0; p < peers; p++) {
                    int source = (me + 1 + p) % n;
                    for (int w = 0; w < batch; w++) {
                        world.irecv(in[p][w], MAX, Datatype.BYTE, source, 5, requests[r++]);
                    }
                }
                for (int p = 0; p < peers; p++) {
                    int dest = (me + 1 + p) % n;
                    for (int w = 0; w < batch; w++) {
                        long seq = base + w;
                        int size = size(me, seq);
                        fill(out[p][w], me, seq, size);
                        world.isend(out[p][w], size, Datatype.BYTE, dest, 5, requests[r++]);
                        counts[0]++;
                    }
                }
                Request.waitAll(java.util.Arrays.copyOf(requests, r));
                for (int p = 0; p < peers; p++) {
                    int source = (me + 1 + p) % n;
                    for (int w = 0; w < batch; w++) {
                        MemorySegment msg = in[p][w];
                        long seq = msg.get(JAVA_LONG, 0);
                        long size = msg.get(JAVA_LONG, 8);
                        counts[1]++;
                        if (seq != expected[source]) {
                            counts[3]++;
                        }
                        expected[source] = seq + 1;
                        if (size != size(source, seq) || msg.get(JAVA_LONG, 16) != crc(msg, (int) size)) {
                            counts[2]++;
                        }
                    }
                }
            }
            MemorySegment local = arena.allocate(JAVA_LONG, 4);
            MemorySegment sum = arena.allocate(JAVA_LONG, 4);
            MemorySegment.copy(counts, 0, local, JAVA_LONG, 0, 4);
            world.allreduce(local, sum, Datatype.INT64, Op.SUM);
            long sent = sum.get(JAVA_LONG, 0);
            long received = sum.get(JAVA_LONG, 8);
            assertEquals(perPeer * n * peers, sent, "messages sent in the job");
            assertEquals(sent, received, "messages received in the job (lost = sent - received)");
            assertEquals(0, sum.get(JAVA_LONG, 16), "corrupted messages (size or CRC-32C wrong)");
            assertEquals(0, sum.get(JAVA_LONG, 24), "messages out of sequence (lost or duplicated)");
            if (me == 0) {
                System.out.printf("load: %d messages sent, %d received, 0 lost, 0 corrupted%n", sent, received);
            }
        }
    }
}
