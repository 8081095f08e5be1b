package org.jmpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jmpi.internal.Args;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The bodies of the object messages. A point-to-point object is one MPI message of bytes,
 * matched by {@code MPI_Mprobe} so that its length comes with it; a collective exchanges
 * the lengths first (a length of -1 says "this rank failed", so that every rank finishes
 * the protocol and no rank is left waiting), then the bytes in one {@code MPI_Bcast} or
 * {@code MPI_Alltoallw} whose per-peer types carry the offsets. Counts beyond MPI's int go
 * through {@link LargeCounts}.
 */
final class ObjectCalls {
    private static volatile Keyval<ObjectCodec> codecKey;

    private ObjectCalls() {
    }

    // ------------------------------------------------------------------ codec per communicator

    static ObjectCodec codecOf(Comm c) {
        c.check();
        Keyval<ObjectCodec> k = codecKey;
        return k == null ? ObjectCodec.serialization() : c.getAttr(k).orElse(ObjectCodec.serialization());
    }

    static void codec(Comm c, ObjectCodec codec) {
        Objects.requireNonNull(codec, "codec");
        c.check();
        Keyval<ObjectCodec> k = codecKey;
        if (k == null) {
            synchronized (ObjectCalls.class) {
                k = codecKey;
                if (k == null) {
                    k = Keyval.forComm(UnaryOperator.identity(), v -> { });
                    codecKey = k;
                }
            }
        }
        c.setAttr(k, codec);
    }

    // ------------------------------------------------------------------ point to point

    static void send(Comm c, ObjectCodec codec, Object obj, int dest, int tag, boolean sync) {
        c.check();
        Args.dest(dest, c.peers, "dest");
        Args.tag(tag, "tag");
        if (dest == Args.PROC_NULL) {
            return;
        }
        ObjectBuffer b = encode(codec, obj, sync ? "ssendObject" : "sendObject");
        try {
            if (sync) {
                c.ssend(b.segment(), Datatype.BYTE, dest, tag);
            } else {
                c.send(b.segment(), Datatype.BYTE, dest, tag);
            }
        } finally {
            b.free();
        }
    }

    static <T> T recv(Comm c, ObjectCodec codec, int source, int tag, Status status) {
        return receive(codec, c.mprobe(source, tag), status);
    }

    /** Receives a matched message and decodes it; null from {@code PROC_NULL}. */
    static <T> T receive(ObjectCodec codec, Message m, Status status) {
        if (m.source() == Args.PROC_NULL) {
            m.recv(MemorySegment.NULL, 0, Datatype.BYTE, status);
            return null;
        }
        ObjectBuffer b = ObjectBuffer.ofSize(m.elements(Datatype.BYTE));
        try {
            m.recv(b.segment(), -1, Datatype.BYTE, status);
            return decode(codec, b, 0, b.size(), "recvObject", m.source());
        } finally {
            b.free();
        }
    }

    // ------------------------------------------------------------------ collectives

    /** Checks the root of an object collective; whether this rank is it. */
    private static boolean atRoot(Comm c, int root) {
        boolean at = CollectiveCalls.role(c, Datatype.BYTE, root).root();
        return intra(c) && at;
    }

    /** Object collectives exchange lengths among one group: refused on intercommunicators. */
    private static boolean intra(Comm c) {
        c.check();
        if (c.inter) {
            throw new UnsupportedOperationException("object collectives are not supported on an intercommunicator;"
                    + " merge() it first, or use point-to-point object messages");
        }
        return true;
    }

    static <T> T bcast(Comm c, ObjectCodec codec, T obj, int root) {
        boolean atRoot = atRoot(c, root);
        ObjectBuffer b = null;
        RuntimeException failure = null;
        if (atRoot) {
            try {
                b = encode(codec, obj, "bcastObject");
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocateFrom(JAVA_LONG, b == null ? -1 : b.size());
            c.bcast(len, Datatype.INT64, root);
            long n = len.get(JAVA_LONG, 0);
            if (n < 0) {
                throw failure != null ? failure : remoteFailure("bcastObject", root);
            }
            if (!atRoot) {
                b = ObjectBuffer.ofSize(n);
            }
            c.bcast(b.segment(), Datatype.BYTE, root);
            return atRoot ? obj : decode(codec, b, 0, n, "bcastObject", root);
        } finally {
            if (b != null) {
                b.free();
            }
        }
    }

    static <T> List<T> gather(Comm c, ObjectCodec codec, T obj, int root, boolean all) {
        boolean atRoot = all ? intra(c) : atRoot(c, root);
        String call = all ? "allgatherObject" : "gatherObject";
        c.check();
        int p = c.size;
        EncodedValues mine = EncodedValues.of(codec, Collections.singletonList(obj), call, 1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocateFrom(JAVA_LONG, mine.length(0));
            MemorySegment lens = arena.allocate(JAVA_LONG, p);
            if (all) {
                c.allgather(len, lens, Datatype.INT64);
            } else {
                c.gather(len, atRoot ? lens : null, Datatype.INT64, root);
            }
            long[] recvLens = atRoot ? lens.toArray(JAVA_LONG) : new long[p];
            if (all) {
                mine.throwIfAnyFailed(recvLens, call);
            }
            long[] sendLens = new long[p];
            for (int i = 0; i < p; i++) {
                sendLens[i] = all || i == root ? Math.max(0, mine.length(0)) : 0;
            }
            ObjectBuffer in = exchange(c, mine.segment(), new long[p], sendLens, recvLens);
            try {
                mine.throwIfAnyFailed(recvLens, call);
                return atRoot ? decodeAll(codec, in, recvLens, call) : null;
            } finally {
                in.free();
            }
        } finally {
            mine.free();
        }
    }

    static <T> List<T> scatter(Comm c, ObjectCodec codec, List<? extends T> objs, int root, boolean all) {
        boolean atRoot = all ? intra(c) : atRoot(c, root);
        String call = all ? "alltoallObject" : "scatterObject";
        c.check();
        int p = c.size;
        EncodedValues mine = atRoot ? EncodedValues.of(codec, objs, call, p) : EncodedValues.none(p);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment lens = arena.allocateFrom(JAVA_LONG, mine.lengths());
            MemorySegment got = arena.allocate(JAVA_LONG, all ? p : 1);
            if (all) {
                c.alltoall(lens, got, Datatype.INT64);
            } else {
                c.scatter(lens, got, Datatype.INT64, root);
            }
            long[] recvLens = new long[p];
            if (all) {
                recvLens = got.toArray(JAVA_LONG);
            } else {
                recvLens[root] = got.get(JAVA_LONG, 0);
            }
            mine.throwIfAnyFailed(recvLens, call);
            ObjectBuffer in = exchange(c, mine.segment(), mine.offsets(), mine.lengths(), recvLens);
            try {
                return all ? decodeAll(codec, in, recvLens, call)
                        : Collections.singletonList(decode(codec, in, 0, in.size(), call, root));
            } finally {
                in.free();
            }
        } finally {
            mine.free();
        }
    }

    /**
     * One {@code MPI_Alltoallw}: {@code sendLens[i]} bytes at {@code sendOffs[i]} of
     * {@code send} go to rank i; rank i's bytes land one after the other, in rank order, in
     * the returned buffer (free it).
     */
    private static ObjectBuffer exchange(Comm c, MemorySegment send, long[] sendOffs, long[] sendLens,
                                         long[] recvLens) {
        int p = c.size;
        long[] recvOffs = new long[p];
        long total = 0;
        for (int i = 0; i < p; i++) {
            recvOffs[i] = total;
            total += Math.max(0, recvLens[i]);
        }
        ObjectBuffer recv = ObjectBuffer.ofSize(total);
        Datatype[] sendTypes = new Datatype[p];
        Datatype[] recvTypes = new Datatype[p];
        int[] sendCounts = new int[p];
        int[] recvCounts = new int[p];
        try {
            for (int i = 0; i < p; i++) {
                sendTypes[i] = bytes(sendOffs[i], sendLens[i], sendCounts, i);
                recvTypes[i] = bytes(recvOffs[i], recvLens[i], recvCounts, i);
            }
            c.alltoallw(send, sendCounts, new int[p], sendTypes, recv.segment(), recvCounts, new int[p], recvTypes);
            return recv;
        } catch (RuntimeException | Error e) {
            recv.free();
            throw e;
        } finally {
            for (int i = 0; i < p; i++) {
                close(sendTypes[i]);
                close(recvTypes[i]);
            }
        }
    }

    private static Datatype bytes(long offset, long length, int[] counts, int i) {
        if (length <= 0) {
            return Datatype.BYTE;
        }
        counts[i] = 1;
        return LargeCounts.bytesAt(offset, length);
    }

    private static void close(Datatype t) {
        if (t != null && !t.isPredefined()) {
            t.close();
        }
    }

    // ------------------------------------------------------------------ encoding

    /** Encodes {@code value} into a new buffer (freed again if encoding fails). */
    static ObjectBuffer encode(ObjectCodec codec, Object value, String call) {
        ObjectBuffer b = ObjectBuffer.growing();
        try {
            append(codec, b, value, call);
            return b;
        } catch (RuntimeException | Error e) {
            b.free();
            throw e;
        }
    }

    static void append(ObjectCodec codec, ObjectBuffer b, Object value, String call) {
        try {
            codec.encode(value, b);
        } catch (IOException | RuntimeException e) {
            throw codecFailure(call + ": cannot encode " + (value == null ? "null" : value.getClass().getName())
                    + " with " + codec + ": " + e, e);
        }
    }

    /** Decodes bytes {@code [from, to)} of {@code b}, sent by {@code rank}. */
    static <T> T decode(ObjectCodec codec, ObjectBuffer b, long from, long to, String call, int rank) {
        try (InputStream in = b.reader(from, to)) {
            @SuppressWarnings("unchecked")
            T value = (T) codec.decode(in);
            return value;
        } catch (SerialFilter.Refusal e) {
            throw new ObjectRefusedException(call, rank, e);
        } catch (IOException | RuntimeException e) {
            throw codecFailure(call + ": cannot decode " + (to - from) + " bytes with " + codec + ": " + e, e);
        }
    }

    /** A codec failure: an I/O exception as is, anything else the codec threw wrapped in one. */
    private static UncheckedIOException codecFailure(String message, Exception e) {
        return new UncheckedIOException(message, e instanceof IOException io ? io : new IOException(e.toString(), e));
    }

    private static <T> List<T> decodeAll(ObjectCodec codec, ObjectBuffer in, long[] lens, String call) {
        List<T> out = new ArrayList<>(lens.length);
        long at = 0;
        for (int rank = 0; rank < lens.length; rank++) {
            out.add(decode(codec, in, at, at + lens[rank], call, rank));
            at += lens[rank];
        }
        return out;
    }

    static UncheckedIOException remoteFailure(String call, int rank) {
        return new UncheckedIOException(call + ": rank " + rank + " failed to provide its object(s)",
                new IOException("failure on rank " + rank));
    }
}
