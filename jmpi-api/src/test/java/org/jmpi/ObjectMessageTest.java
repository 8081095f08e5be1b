package org.jmpi;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Object messages: point-to-point, nonblocking, collectives, codecs, failures and large payloads. */
class ObjectMessageTest {

    record Point(int x, int y, String label) implements Serializable {
    }

    /** A payload whose content depends on who sent it, so a mix-up shows. */
    record Parcel(int from, int seq, byte[] body) implements Serializable {
        static Parcel of(int from, int seq, int size) {
            byte[] b = new byte[size];
            for (int i = 0; i < size; i++) {
                b[i] = (byte) (from * 31 + seq * 7 + i);
            }
            return new Parcel(from, seq, b);
        }

        void check() {
            assertArrayEquals(of(from, seq, body.length).body, body, "parcel " + from + "/" + seq);
        }
    }

    private static int next(Comm c) {
        return (c.rank() + 1) % c.size();
    }

    private static int prev(Comm c) {
        return (c.rank() + c.size() - 1) % c.size();
    }

    @MpiTest
    void sendAndReceiveRecordsCollectionsAndNull() {
        Comm world = TestMpi.world();
        Map<String, List<Integer>> map = new HashMap<>();
        map.put("rank", List.of(world.rank()));
        ObjectRequest<Void> a = world.isendObject(new Point(world.rank(), -world.rank(), "p" + world.rank()), next(world), 1);
        ObjectRequest<Void> b = world.isendObject(map, next(world), 2);
        ObjectRequest<Void> c = world.isendObject(null, next(world), 3);
        Status st = new Status();
        Point p = world.recvObject(prev(world), 1, st);
        assertEquals(new Point(prev(world), -prev(world), "p" + prev(world)), p);
        assertEquals(prev(world), st.source());
        assertEquals(1, st.tag());
        assertTrue(st.elements(Datatype.BYTE) > 0);
        Map<String, List<Integer>> got = world.recvObject(Comm.ANY_SOURCE, 2);
        assertEquals(Map.of("rank", List.of(prev(world))), got);
        assertNull(world.recvObject(prev(world), Comm.ANY_TAG));
        ObjectRequest.waitAll(a, b, c);
        assertNull(world.recvObject(Comm.PROC_NULL, 0));
        world.sendObject("nowhere", Comm.PROC_NULL, 0);
    }

    @MpiTest
    void sendrecvAndSsendAroundTheRing() {
        Comm world = TestMpi.world();
        String got = world.sendrecvObject("from " + world.rank(), next(world), 4, prev(world), 4);
        assertEquals("from " + prev(world), got);
        if (world.size() > 1) {
            if (world.rank() == 0) {
                world.ssendObject(List.of(1, 2, 3), 1, 5);
            } else if (world.rank() == 1) {
                assertEquals(List.of(1, 2, 3), world.recvObject(0, 5));
            }
        }
    }

    @MpiTest
    void irecvPostedBeforeTheSendCompletesByTestAndWait() {
        Comm world = TestMpi.world();
        ObjectRequest<int[]> early = world.irecvObject(prev(world), 6);
        ObjectRequest<String> none = world.irecvObject(Comm.PROC_NULL, 6);
        assertTrue(none.isDone());
        assertNull(none.waitFor());
        world.barrier();
        ObjectRequest<Void> sent = world.isendObject(new int[] {world.rank(), 42}, next(world), 6);
        Status st = new Status();
        while (!early.test()) {
            Thread.onSpinWait();
        }
        assertArrayEquals(new int[] {prev(world), 42}, early.get(st));
        assertEquals(prev(world), st.source());
        assertArrayEquals(new int[] {prev(world), 42}, early.waitFor());
        assertNull(sent.waitFor());
        assertTrue(sent.isDone());
        ObjectRequest<String> late = world.irecvObject(Comm.ANY_SOURCE, 7);
        assertThrows(IllegalStateException.class, () -> late.get(null));
        world.sendObject("late " + world.rank(), next(world), 7);
        assertEquals("late " + prev(world), late.waitFor(st));
        assertEquals(7, st.tag());
    }

    @MpiTest(np = {2, 4}, timeoutSeconds = 120)
    void threadsReceivingFromAnySourceNeverMixLengthsAndBytes() throws Exception {
        Comm world = TestMpi.world();
        int perSender = 40;
        int threads = 3;
        if (world.rank() == 0) {
            int expected = perSender * (world.size() - 1);
            AtomicInteger received = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Parcel>>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    parts.add(pool.submit(() -> {
                        List<Parcel> mine = new ArrayList<>();
                        while (received.getAndIncrement() < expected) {
                            Parcel p = t0(world);
                            p.check();
                            mine.add(p);
                        }
                        return mine;
                    }));
                }
                List<Parcel> all = new ArrayList<>();
                for (Future<List<Parcel>> f : parts) {
                    all.addAll(f.get());
                }
                assertEquals(expected, all.size());
                for (int from = 1; from < world.size(); from++) {
                    final int sender = from;
                    assertEquals(perSender, all.stream().filter(p -> p.from() == sender).map(Parcel::seq).distinct().count());
                }
            } finally {
                pool.shutdownNow();
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> sends = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    final int first = t;
                    sends.add(pool.submit(() -> {
                        for (int seq = first; seq < perSender; seq += threads) {
                            world.sendObject(Parcel.of(world.rank(), seq, 10 + (seq * 997) % 20_000), 0, 9);
                        }
                    }));
                }
                for (Future<?> f : sends) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        world.barrier();
    }

    private static Parcel t0(Comm world) {
        return world.recvObject(Comm.ANY_SOURCE, 9);
    }

    @MpiTest
    void collectivesMoveObjectsInRankOrder() {
        Comm world = TestMpi.world();
        int n = world.size();
        int r = world.rank();
        Map<String, Integer> config = world.bcastObject(r == n - 1 ? Map.of("iterations", 10, "root", n - 1) : null, n - 1);
        assertEquals(Map.of("iterations", 10, "root", n - 1), config);
        List<Point> gathered = world.gatherObject(new Point(r, r * r, "g"), 0);
        if (r == 0) {
            List<Point> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(new Point(i, i * i, "g"));
            }
            assertEquals(expected, gathered);
        } else {
            assertNull(gathered);
        }
        List<String> toScatter = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            toScatter.add("item " + i + "x".repeat(i * 100));
        }
        assertEquals(toScatter.get(r), world.scatterObject(r == 0 ? toScatter : null, 0));
        List<Integer> all = world.allgatherObject(r * 10);
        for (int i = 0; i < n; i++) {
            assertEquals(i * 10, all.get(i));
        }
        List<String> outgoing = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            outgoing.add(r + "->" + j);
        }
        List<String> incoming = world.alltoallObject(outgoing);
        for (int i = 0; i < n; i++) {
            assertEquals(i + "->" + r, incoming.get(i));
        }
        List<Object> withNulls = world.allgatherObject(r % 2 == 0 ? null : (Object) r);
        assertEquals(n, withNulls.size());
        assertNull(withNulls.get(0));
    }

    @MpiTest
    void reductionsFoldInRankOrder() {
        Comm world = TestMpi.world();
        int r = world.rank();
        String concat = world.reduceObject(String.valueOf(r), (a, b) -> a + "," + b, 0);
        StringBuilder expected = new StringBuilder("0");
        for (int i = 1; i < world.size(); i++) {
            expected.append(',').append(i);
        }
        if (r == 0) {
            assertEquals(expected.toString(), concat);
        } else {
            assertNull(concat);
        }
        BigInteger big = BigInteger.TWO.pow(100).add(BigInteger.valueOf(r));
        BigInteger sum = world.allreduceObject(big, BigInteger::add);
        BigInteger want = BigInteger.TWO.pow(100).multiply(BigInteger.valueOf(world.size()))
                .add(BigInteger.valueOf((long) world.size() * (world.size() - 1) / 2));
        assertEquals(want, sum);
        List<Integer> merged = world.allreduceObject(List.of(r), (a, b) -> {
            List<Integer> m = new ArrayList<>(a);
            m.addAll(b);
            return m;
        });
        assertEquals(world.size(), merged.size());
        assertEquals(world.size() - 1, merged.get(world.size() - 1));
    }

    /** A codec for int arrays only, counting its uses. */
    static final class IntArrayCodec implements ObjectCodec {
        final AtomicInteger encoded = new AtomicInteger();

        @Override
        public void encode(Object value, OutputStream out) throws IOException {
            int[] a = (int[]) value;
            DataOutputStream d = new DataOutputStream(out);
            d.writeInt(a.length);
            for (int v : a) {
                d.writeInt(v);
            }
            d.flush();
            encoded.incrementAndGet();
        }

        @Override
        public Object decode(InputStream in) throws IOException {
            DataInputStream d = new DataInputStream(in);
            int[] a = new int[d.readInt()];
            for (int i = 0; i < a.length; i++) {
                a[i] = d.readInt();
            }
            if (d.read() != -1) {
                throw new IOException("trailing bytes");
            }
            return a;
        }
    }

    @MpiTest
    void pluggableCodecPerCommunicatorAndPerCall() {
        Comm world = TestMpi.world();
        IntArrayCodec codec = new IntArrayCodec();
        assertSame(ObjectCodec.serialization(), world.objectCodec());
        try (Comm comm = world.dup()) {
            comm.objectCodec(codec);
            assertSame(codec, comm.objectCodec());
            assertSame(ObjectCodec.serialization(), world.objectCodec());
            int[] got = comm.sendrecvObject(new int[] {comm.rank(), 1, 2}, next(comm), 0, prev(comm), 0);
            assertArrayEquals(new int[] {prev(comm), 1, 2}, got);
            assertEquals(1, codec.encoded.get());
            try (Comm child = comm.dup()) {
                assertSame(codec, child.objectCodec());
                List<int[]> all = child.allgatherObject(new int[] {child.rank()});
                assertEquals(child.size(), all.size());
                assertArrayEquals(new int[] {child.size() - 1}, all.get(child.size() - 1));
            }
            IntArrayCodec perCall = new IntArrayCodec();
            ObjectMessages view = world.withCodec(perCall);
            assertSame(perCall, view.objectCodec());
            int[] b = view.bcastObject(world.rank() == 0 ? new int[] {9, 8, 7} : null, 0);
            assertArrayEquals(new int[] {9, 8, 7}, b);
            assertEquals(world.rank() == 0 ? 1 : 0, perCall.encoded.get());
            assertThrows(UnsupportedOperationException.class, () -> view.objectCodec(perCall));
            assertThrows(NullPointerException.class, () -> world.withCodec(null));
            assertThrows(NullPointerException.class, () -> comm.objectCodec(null));
        }
    }

    @MpiTest
    void encodingFailuresReachEveryRankWithoutHanging() {
        Comm world = TestMpi.world();
        int r = world.rank();
        Object notSerializable = new Object();
        // bcast: the root cannot encode; everyone hears of it
        UncheckedIOException bcast = assertThrows(UncheckedIOException.class,
                () -> world.bcastObject(r == 0 ? notSerializable : null, 0));
        if (r == 0) {
            assertTrue(bcast.getCause() instanceof NotSerializableException, bcast.toString());
        } else {
            assertTrue(bcast.getMessage().contains("rank 0"), bcast.getMessage());
        }
        // gather: the last rank fails; it and the root throw, the others return normally
        int bad = world.size() - 1;
        if (r == bad || r == 0) {
            assertThrows(UncheckedIOException.class, () -> world.gatherObject(r == bad ? notSerializable : "ok", 0));
        } else {
            assertNull(world.gatherObject("ok", 0));
        }
        // allgather and alltoall: every rank throws
        assertThrows(UncheckedIOException.class, () -> world.allgatherObject(r == bad ? notSerializable : "ok"));
        List<Object> row = new ArrayList<>(Collections.nCopies(world.size(), "ok"));
        if (r == bad) {
            row.set(0, notSerializable);
        }
        assertThrows(UncheckedIOException.class, () -> world.alltoallObject(row));
        // a wrong list size at the scatter root is its own failure, reported to everyone
        if (r == 0) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> world.scatterObject(List.of(), 0));
            assertTrue(e.getMessage().startsWith("objs"), e.getMessage());
        } else {
            assertThrows(UncheckedIOException.class, () -> world.scatterObject(null, 0));
        }
        // and the communicator still works
        assertEquals(world.size() - 1, world.allgatherObject(r).get(world.size() - 1));
    }

    @MpiTest
    void decodingFailuresAndArgumentChecks() {
        Comm world = TestMpi.world();
        world.sendObject(new int[] {1}, next(world), 11);
        ObjectMessages ints = world.withCodec(new IntArrayCodec());
        // serialized bytes are not what the int codec reads
        assertThrows(UncheckedIOException.class, () -> ints.recvObject(prev(world), 11));
        assertThrows(UncheckedIOException.class, () -> world.sendObject(new Object(), next(world), 11));
        IllegalArgumentException dest = assertThrows(IllegalArgumentException.class,
                () -> world.sendObject("x", world.size(), 0));
        assertTrue(dest.getMessage().startsWith("dest"), dest.getMessage());
        assertThrows(IllegalArgumentException.class, () -> world.sendObject("x", 0, -1));
        assertThrows(IllegalArgumentException.class, () -> world.isendObject("x", -5, 0));
        assertThrows(IllegalArgumentException.class, () -> world.recvObject(world.size(), 0));
        assertThrows(IllegalArgumentException.class, () -> world.irecvObject(0, -7));
        assertThrows(IllegalArgumentException.class, () -> world.bcastObject("x", world.size()));
        assertThrows(IllegalArgumentException.class, () -> world.gatherObject("x", -1));
        assertThrows(NullPointerException.class, () -> world.allreduceObject("x", null));
        Comm freed = world.dup();
        freed.close();
        assertThrows(IllegalStateException.class, () -> freed.sendObject("x", 0, 0));
        assertThrows(IllegalStateException.class, () -> freed.allgatherObject("x"));
    }

    @MpiTest
    void payloadsBeyondTheCountLimitGoThroughDerivedTypes() {
        Comm world = TestMpi.world();
        long old = LargeCounts.limit(1000);
        try {
            long built = LargeCounts.BUILT.get();
            Parcel big = Parcel.of(world.rank(), 1, 25_000);
            Parcel got = world.sendrecvObject(big, next(world), 12, prev(world), 12);
            got.check();
            assertEquals(prev(world), got.from());
            ObjectRequest<Parcel> pending = world.irecvObject(prev(world), 13);
            ObjectRequest<Void> sending = world.isendObject(Parcel.of(world.rank(), 2, 7_777), next(world), 13);
            // the send waits for the peer to match it: complete both together
            ObjectRequest.waitAll(sending, pending);
            pending.waitFor().check();
            assertEquals(prev(world), pending.get(null).from());
            Parcel fromRoot = world.bcastObject(world.rank() == 0 ? Parcel.of(0, 3, 12_345) : null, 0);
            fromRoot.check();
            List<Parcel> all = world.allgatherObject(Parcel.of(world.rank(), 4, 3_000 + world.rank()));
            for (int i = 0; i < world.size(); i++) {
                all.get(i).check();
                assertEquals(i, all.get(i).from());
            }
            List<Parcel> row = new ArrayList<>();
            for (int j = 0; j < world.size(); j++) {
                row.add(Parcel.of(world.rank(), j, 1_500 * (j + 1)));
            }
            List<Parcel> col = world.alltoallObject(row);
            for (int i = 0; i < world.size(); i++) {
                col.get(i).check();
                assertEquals(i, col.get(i).from());
                assertEquals(world.rank(), col.get(i).seq());
            }
            assertTrue(LargeCounts.BUILT.get() - built >= 4, "large-count types built: " + (LargeCounts.BUILT.get() - built));
        } finally {
            LargeCounts.limit(old);
        }
        assertFalse(LargeCounts.limit() < Integer.MAX_VALUE);
    }

    @MpiTest
    void arraysOfPrimitivesRoundTrip() {
        Comm world = TestMpi.world();
        double[] values = new double[1000];
        Arrays.setAll(values, i -> world.rank() + i / 1000.0);
        double[] got = world.sendrecvObject(values, next(world), 14, prev(world), 14);
        assertEquals(prev(world) + 0.999, got[999]);
    }
}
