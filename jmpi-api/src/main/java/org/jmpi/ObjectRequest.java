package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.internal.Args;
import org.jmpi.internal.Scratch;

/**
 * A nonblocking object message ({@link ObjectMessages#isendObject},
 * {@link ObjectMessages#irecvObject}): {@link #waitFor()} or {@link #test()} completes it
 * and, for a receive, yields the object. Complete every request: a send holds its encoded
 * bytes (native memory) until then. Not thread-safe.
 *
 * <p>A receive is not an MPI receive posted in advance (its size is unknown): it is
 * matched with {@code MPI_Improbe} when it is created and, if no message was there yet,
 * each time it is tested, or with {@code MPI_Mprobe} when it is waited on; the matched
 * message is then received with {@code MPI_Imrecv}. Matching takes the message out of
 * MPI's queue, so its length and bytes always pair up, even when several threads receive
 * from the same source and tag. Two consequences, as with mpi4py's {@code pkl5}: a send
 * large enough for MPI's rendezvous protocol completes only once the receiver has matched
 * it, so wait for a receive before waiting for a send that depends on the peer's
 * progress, or complete both with {@link #waitAll}; and pending object receives that
 * could match the same messages get them in the order they are matched, not necessarily
 * the order they were created.
 */
public final class ObjectRequest<T> {
    private final Comm comm;
    private final ObjectCodec codec;
    private final int source;
    private final int tag;
    private final Status status = new Status();
    private Request request;
    private ObjectBuffer buffer;
    private boolean done;
    private T value;
    private RuntimeException failure;

    private ObjectRequest(Comm comm, ObjectCodec codec, int source, int tag) {
        this.comm = comm;
        this.codec = codec;
        this.source = source;
        this.tag = tag;
    }

    /** A started send of {@code buffer}, which this request frees on completion. */
    static ObjectRequest<Void> sending(Comm c, ObjectBuffer buffer, int dest, int tag) {
        ObjectRequest<Void> r = new ObjectRequest<>(c, null, dest, tag);
        r.buffer = buffer;
        try {
            r.request = c.isend(buffer.segment(), Datatype.BYTE, dest, tag);
        } catch (RuntimeException | Error e) {
            buffer.free();
            throw e;
        }
        return r;
    }

    /** A receive of an object from {@code source} with {@code tag}, matched at once if a message is there. */
    static <T> ObjectRequest<T> receiving(Comm c, ObjectCodec codec, int source, int tag) {
        ObjectRequest<T> r = new ObjectRequest<>(c, codec, source, tag);
        if (source == Args.PROC_NULL) {
            c.recv(MemorySegment.NULL, Datatype.BYTE, source, tag, r.status);
            r.done = true;
        } else {
            r.match(c.improbe(source, tag));
        }
        return r;
    }

    /** Waits for completion and returns the received object (null for a send). */
    public T waitFor() {
        return waitFor(null);
    }

    /** Waits for completion, fills {@code status} when not null, and returns the received object. */
    public T waitFor(Status status) {
        if (!done) {
            if (request == null) {
                match(comm.mprobe(source, tag));
            }
            complete(true);
        }
        return result(status);
    }

    /** Completes the request if it can without blocking; true once it has completed. */
    public boolean test() {
        if (done) {
            return true;
        }
        if (request == null && !match(comm.improbe(source, tag))) {
            return false;
        }
        return complete(false);
    }

    /** The received object (null for a send), once completed; fills {@code status} when not null. */
    public T get(Status status) {
        if (!done) {
            throw new IllegalStateException("object request: not completed yet (waitFor() or test() first)");
        }
        return result(status);
    }

    /** Whether the request has completed. */
    public boolean isDone() {
        return done;
    }

    /** Starts receiving a matched message; false if there was none. */
    private boolean match(Message m) {
        if (m == null) {
            return false;
        }
        buffer = ObjectBuffer.ofSize(m.elements(Datatype.BYTE));
        try {
            request = m.irecv(buffer.segment(), Datatype.BYTE);
        } catch (RuntimeException | Error e) {
            buffer.free();
            throw e;
        }
        return true;
    }

    /**
     * Waits for ({@code block}) or tests the MPI request; once it has completed, decodes a
     * received object and frees the bytes. A failure is kept and rethrown by later calls.
     */
    private boolean complete(boolean block) {
        try {
            if (block) {
                request.waitFor(status);
            } else if (!request.test(status)) {
                return false;
            }
            if (codec != null) {
                value = ObjectCalls.decode(codec, buffer, 0, buffer.size(), "irecvObject", status.source());
            }
            return true;
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            if (failure != null || request.isDone()) {
                done = true;
                buffer.free();
            }
        }
    }

    private T result(Status out) {
        if (failure != null) {
            throw failure;
        }
        if (out != null) {
            MemorySegment.copy(status.segment(), 0, out.segment(), 0, Scratch.STATUS_BYTES);
        }
        return value;
    }

    @Override
    public String toString() {
        return "ObjectRequest[" + (codec == null ? "send to " : "receive from ") + source + ", tag " + tag
                + (done ? ", done]" : "]");
    }

    /**
     * Completes every request, testing them in turn (so receives get matched while sends
     * wait for them), and returns when all have completed.
     */
    public static void waitAll(ObjectRequest<?>... requests) {
        Objects.requireNonNull(requests, "requests");
        for (int i = 0; i < requests.length; i++) {
            Objects.requireNonNull(requests[i], "requests[" + i + "]");
        }
        boolean all;
        do {
            all = true;
            for (ObjectRequest<?> r : requests) {
                all &= r.test();
            }
            if (!all) {
                Thread.yield();
            }
        } while (!all);
    }
}
