package org.jmpi;

import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;

import org.jmpi.internal.Args;

/**
 * Messages of Java objects on a {@link Comm}, like mpi4py's lowercase methods: any value
 * the {@link ObjectCodec} can encode (by default any {@code Serializable}, records
 * included, and null, of which the receiver decodes what its {@link SerialFilter} allows)
 * is sent as one MPI message of bytes. Receivers match the message
 * with a matched probe, so the length needs no separate message and never pairs with the
 * wrong bytes, even with many threads. Sizes beyond 2^31 - 1 bytes go through a derived
 * datatype, as mpi4py's {@code pkl5} does.
 *
 * <pre>{@code
 * if (comm.rank() == 0) {
 *     comm.sendObject(new Point(1, 2), 1, 0);
 * } else if (comm.rank() == 1) {
 *     Point p = comm.recvObject(0, 0);
 * }
 * Map<String, Integer> config = comm.bcastObject(comm.rank() == 0 ? load() : null, 0);
 * }</pre>
 *
 * <p>A value that cannot be encoded or decoded is an {@link java.io.UncheckedIOException};
 * one the receiver's filter refuses, an {@link ObjectRefusedException} naming the class and
 * the sending rank.
 * In a collective, a rank whose value cannot be encoded (or whose list has the wrong size)
 * still completes the exchange, telling the others, so every rank that needed its data
 * throws too and none is left waiting. The codec is the communicator's
 * ({@link #objectCodec(ObjectCodec)}, inherited by dup) or one given for a few calls with
 * {@link #withCodec}.
 */
public sealed interface ObjectMessages permits Comm, ObjectMessages.WithCodec {

    /** Sends {@code obj} (may be null) to {@code dest} with {@code tag}. */
    default void sendObject(Object obj, int dest, int tag) {
        ObjectCalls.send(target(), objectCodec(), obj, dest, tag, false);
    }

    /** Sends {@code obj} synchronously: returns once the receiver has started receiving it. */
    default void ssendObject(Object obj, int dest, int tag) {
        ObjectCalls.send(target(), objectCodec(), obj, dest, tag, true);
    }

    /**
     * Receives an object sent with {@link #sendObject} (or any of the object sends);
     * {@link Comm#ANY_SOURCE}, {@link Comm#ANY_TAG} match anything, {@link Comm#PROC_NULL}
     * gives null at once. The result is cast to the type the caller expects.
     */
    default <T> T recvObject(int source, int tag) {
        return recvObject(source, tag, null);
    }

    /** Receives an object and fills {@code status} (source, tag, byte count) when not null. */
    default <T> T recvObject(int source, int tag, Status status) {
        Comm c = target();
        P2p.checkedPeer(c, source, tag);
        return ObjectCalls.recv(c, objectCodec(), source, tag, status);
    }

    /** Sends {@code obj} to {@code dest} and receives an object from {@code source}, without deadlock. */
    default <T> T sendrecvObject(Object obj, int dest, int sendTag, int source, int recvTag) {
        Comm c = target();
        P2p.checkedPeer(c, source, recvTag);
        ObjectRequest<Void> sent = isendObject(obj, dest, sendTag);
        try {
            return recvObject(source, recvTag);
        } finally {
            sent.waitFor();
        }
    }

    /** Starts sending {@code obj}; the object is encoded now, so it may change afterwards. */
    default ObjectRequest<Void> isendObject(Object obj, int dest, int tag) {
        Comm c = target();
        c.check();
        Args.dest(dest, c.peers, "dest");
        Args.tag(tag, "tag");
        return ObjectRequest.sending(c, ObjectCalls.encode(objectCodec(), obj, "isendObject"), dest, tag);
    }

    /** Starts receiving an object; see {@link ObjectRequest} for when it is matched. */
    default <T> ObjectRequest<T> irecvObject(int source, int tag) {
        Comm c = target();
        P2p.checkedPeer(c, source, tag);
        return ObjectRequest.receiving(c, objectCodec(), source, tag);
    }

    /** Broadcasts {@code obj} from {@code root} (ignored elsewhere); every rank returns it (the root its own). */
    default <T> T bcastObject(T obj, int root) {
        return ObjectCalls.bcast(target(), objectCodec(), obj, root);
    }

    /** Gathers every rank's {@code obj} at {@code root} as a list in rank order; null on the other ranks. */
    default <T> List<T> gatherObject(T obj, int root) {
        return ObjectCalls.gather(target(), objectCodec(), obj, root, false);
    }

    /** Gathers every rank's {@code obj} on every rank, as a list in rank order. */
    default <T> List<T> allgatherObject(T obj) {
        return ObjectCalls.gather(target(), objectCodec(), obj, 0, true);
    }

    /**
     * Sends element i of {@code objs} (at {@code root}: one per rank; ignored elsewhere) to
     * rank i and returns this rank's element.
     */
    default <T> T scatterObject(List<? extends T> objs, int root) {
        List<T> mine = ObjectCalls.scatter(target(), objectCodec(), objs, root, false);
        return mine.get(0);
    }

    /** Sends element j of {@code objs} (one per rank) to rank j; returns what every rank sent here, in rank order. */
    default <T> List<T> alltoallObject(List<? extends T> objs) {
        return ObjectCalls.scatter(target(), objectCodec(), objs, 0, true);
    }

    /**
     * Combines every rank's {@code obj} with {@code op} in rank order,
     * {@code op(...op(op(v0, v1), v2)..., vN-1)}, at {@code root}; null on the other ranks.
     */
    default <T> T reduceObject(T obj, BinaryOperator<T> op, int root) {
        Objects.requireNonNull(op, "op");
        return fold(gatherObject(obj, root), op);
    }

    /** Combines every rank's {@code obj} with {@code op} in rank order; every rank gets the result. */
    default <T> T allreduceObject(T obj, BinaryOperator<T> op) {
        Objects.requireNonNull(op, "op");
        return fold(allgatherObject(obj), op);
    }

    /** The codec these calls use: the communicator's, Java serialization unless set. */
    default ObjectCodec objectCodec() {
        return this instanceof WithCodec w ? w.codec() : ObjectCalls.codecOf(target());
    }

    /**
     * Sets the communicator's codec (cached as an attribute, so dup copies it); every rank
     * must use the same. Refused on a {@link #withCodec} view.
     */
    default void objectCodec(ObjectCodec codec) {
        if (this instanceof WithCodec) {
            throw new UnsupportedOperationException("objectCodec: set the codec on the communicator, not on a view");
        }
        ObjectCalls.codec(target(), codec);
    }

    /** These calls on the same communicator with {@code codec} instead of its own. */
    default ObjectMessages withCodec(ObjectCodec codec) {
        return new WithCodec(target(), codec);
    }

    /** A communicator's object messages with a given codec ({@link #withCodec}). */
    record WithCodec(Comm comm, ObjectCodec codec) implements ObjectMessages {
        /** Checks both are given. */
        public WithCodec {
            Objects.requireNonNull(comm, "comm");
            Objects.requireNonNull(codec, "codec");
        }
    }

    private Comm target() {
        return this instanceof WithCodec w ? w.comm() : (Comm) this;
    }

    private static <T> T fold(List<T> values, BinaryOperator<T> op) {
        if (values == null) {
            return null;
        }
        T acc = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            acc = op.apply(acc, values.get(i));
        }
        return acc;
    }
}
