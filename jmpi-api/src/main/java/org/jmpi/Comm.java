package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.mpi.mpi_h;
import java.util.Objects;

import org.jmpi.bindings.ompi.OmpiHandles;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;
import org.jmpi.internal.HeapCalls;
import org.jmpi.internal.Runtime;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A communicator ({@code MPI_Comm}). Rank and size are read once and cached; every
 * call checks that MPI is running, the calling thread may call MPI and the
 * communicator has not been freed, before it goes native.
 */
public final class Comm implements AutoCloseable {
    /** {@code MPI_ANY_SOURCE}: a receive that matches any sender. */
    public static final int ANY_SOURCE = Args.ANY_SOURCE;
    /** {@code MPI_ANY_TAG}: a receive that matches any tag. */
    public static final int ANY_TAG = Args.ANY_TAG;
    /** {@code MPI_PROC_NULL}: a peer that makes a send or receive a no-op. */
    public static final int PROC_NULL = Args.PROC_NULL;

    private final MemorySegment handle;
    private final boolean predefined;
    private final int rank;
    private final int size;
    private final String label;
    private final Freed freed;

    private Comm(MemorySegment handle, boolean predefined, String label) {
        this.handle = handle;
        this.predefined = predefined;
        this.label = label;
        this.freed = new Freed("communicator " + label);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, 2);
            Errors.check(mpi_h.MPI_Comm_rank(handle, out), "MPI_Comm_rank");
            Errors.check(mpi_h.MPI_Comm_size(handle, out.asSlice(4)), "MPI_Comm_size");
            this.rank = out.get(JAVA_INT, 0);
            this.size = out.get(JAVA_INT, 4);
        }
    }

    static Comm predefined(MemorySegment handle, String name) {
        return new Comm(handle, true, name);
    }

    /** This process's rank in the communicator ({@code MPI_Comm_rank}). */
    public int rank() {
        check();
        return rank;
    }

    /** The number of processes in the communicator ({@code MPI_Comm_size}). */
    public int size() {
        check();
        return size;
    }

    /** {@code MPI_Barrier}: returns once every process of the communicator has entered it. */
    public void barrier() {
        check();
        Errors.check(mpi_h.MPI_Barrier(handle), "MPI_Barrier");
    }

    /** The communicator's name ({@code MPI_Comm_get_name}). */
    public String name() {
        check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(mpi_h.MPI_MAX_OBJECT_NAME());
            MemorySegment len = arena.allocate(JAVA_INT);
            Errors.check(mpi_h.MPI_Comm_get_name(handle, name, len), "MPI_Comm_get_name");
            return name.getString(0);
        }
    }

    // ---------------------------------------------------------------- point-to-point

    private static final int SEND = 0;
    private static final int SSEND = 1;
    private static final int RSEND = 2;
    private static final String[] SEND_NAMES = {"MPI_Send", "MPI_Ssend", "MPI_Rsend"};

    /**
     * Sends the whole segment as {@code byteSize / extent} elements of {@code type}
     * ({@code MPI_Send}). A native segment is passed as is (zero copy); a heap segment is
     * pinned for the call.
     */
    public void send(MemorySegment buf, Datatype type, int dest, int tag) {
        sendMode(SEND, buf, -1, type, dest, tag);
    }

    /** Sends the first {@code count} elements of {@code type} in {@code buf} ({@code MPI_Send}). */
    public void send(MemorySegment buf, int count, Datatype type, int dest, int tag) {
        sendMode(SEND, buf, Args.count(count, "count"), type, dest, tag);
    }

    /** Synchronous send: returns once the receive has started ({@code MPI_Ssend}). */
    public void ssend(MemorySegment buf, Datatype type, int dest, int tag) {
        sendMode(SSEND, buf, -1, type, dest, tag);
    }

    /** Ready send: the matching receive must already be posted ({@code MPI_Rsend}). */
    public void rsend(MemorySegment buf, Datatype type, int dest, int tag) {
        sendMode(RSEND, buf, -1, type, dest, tag);
    }

    private void sendMode(int mode, MemorySegment buf, int count, Datatype type, int dest, int tag) {
        check();
        Objects.requireNonNull(type, "type");
        Args.segment(buf, "buf");
        int n = count < 0 ? Args.countOf(buf, type.extent(), "buf", type) : count;
        if (count >= 0) {
            Args.fits(buf, count, type.extent(), "buf", type);
        }
        Args.dest(dest, size, "dest");
        Args.tag(tag, Runtime.tagUpperBound(), "tag");
        MemorySegment t = type.handle();
        int rc;
        if (buf.isNative()) {
            rc = switch (mode) {
                case SEND -> mpi_h.MPI_Send(buf, n, t, dest, tag, handle);
                case SSEND -> mpi_h.MPI_Ssend(buf, n, t, dest, tag, handle);
                default -> mpi_h.MPI_Rsend(buf, n, t, dest, tag, handle);
            };
        } else {
            try {
                rc = switch (mode) {
                    case SEND -> (int) HeapCalls.SEND.invokeExact(buf, n, t, dest, tag, handle);
                    case SSEND -> (int) HeapCalls.SSEND.invokeExact(buf, n, t, dest, tag, handle);
                    default -> (int) HeapCalls.RSEND.invokeExact(buf, n, t, dest, tag, handle);
                };
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, SEND_NAMES[mode]);
    }

    /**
     * Receives into the whole segment, as many {@code type} elements as fit
     * ({@code MPI_Recv}); {@link #ANY_SOURCE} and {@link #ANY_TAG} match anything. A
     * message longer than the buffer is an {@link MpiException} (MPI_ERR_TRUNCATE).
     */
    public Status recv(MemorySegment buf, Datatype type, int source, int tag) {
        Status status = new Status();
        recvImpl(buf, -1, type, source, tag, status);
        return status;
    }

    /**
     * Receives into the whole segment and fills {@code status} when it is not null;
     * allocates nothing, for receive loops.
     */
    public void recv(MemorySegment buf, Datatype type, int source, int tag, Status status) {
        recvImpl(buf, -1, type, source, tag, status);
    }

    /** Receives at most {@code count} elements and fills {@code status} when it is not null. */
    public void recv(MemorySegment buf, int count, Datatype type, int source, int tag, Status status) {
        recvImpl(buf, Args.count(count, "count"), type, source, tag, status);
    }

    /** {@code count < 0}: the whole segment. */
    private void recvImpl(MemorySegment buf, int count, Datatype type, int source, int tag, Status status) {
        check();
        Objects.requireNonNull(type, "type");
        Args.writable(buf, "buf");
        int n = count < 0 ? Args.countOf(buf, type.extent(), "buf", type) : count;
        if (count >= 0) {
            Args.fits(buf, count, type.extent(), "buf", type);
        }
        Args.source(source, size, "source");
        Args.recvTag(tag, Runtime.tagUpperBound(), "tag");
        MemorySegment t = type.handle();
        MemorySegment st = status == null ? mpi_h.MPI_STATUS_IGNORE() : status.segment();
        int rc;
        if (buf.isNative()) {
            rc = mpi_h.MPI_Recv(buf, n, t, source, tag, handle, st);
        } else {
            try {
                rc = (int) HeapCalls.RECV.invokeExact(buf, n, t, source, tag, handle, st);
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, "MPI_Recv");
    }

    /**
     * Sends {@code sendBuf} to {@code dest} and receives into {@code recvBuf} from
     * {@code source} in one deadlock-free call ({@code MPI_Sendrecv}).
     */
    public Status sendrecv(MemorySegment sendBuf, Datatype sendType, int dest, int sendTag,
                           MemorySegment recvBuf, Datatype recvType, int source, int recvTag) {
        check();
        Objects.requireNonNull(sendType, "sendType");
        Objects.requireNonNull(recvType, "recvType");
        int sn = Args.countOf(Args.segment(sendBuf, "sendBuf"), sendType.extent(), "sendBuf", sendType);
        int rn = Args.countOf(Args.writable(recvBuf, "recvBuf"), recvType.extent(), "recvBuf", recvType);
        Args.dest(dest, size, "dest");
        Args.tag(sendTag, Runtime.tagUpperBound(), "sendTag");
        Args.source(source, size, "source");
        Args.recvTag(recvTag, Runtime.tagUpperBound(), "recvTag");
        Status status = new Status();
        int rc;
        if (sendBuf.isNative() && recvBuf.isNative()) {
            rc = mpi_h.MPI_Sendrecv(sendBuf, sn, sendType.handle(), dest, sendTag,
                    recvBuf, rn, recvType.handle(), source, recvTag, handle, status.segment());
        } else {
            try {
                rc = (int) HeapCalls.SENDRECV.invokeExact(sendBuf, sn, sendType.handle(), dest, sendTag,
                        recvBuf, rn, recvType.handle(), source, recvTag, handle, status.segment());
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, "MPI_Sendrecv");
        return status;
    }

    /** Blocks until a matching message is available and describes it ({@code MPI_Probe}). */
    public Status probe(int source, int tag) {
        check();
        Args.source(source, size, "source");
        Args.recvTag(tag, Runtime.tagUpperBound(), "tag");
        Status status = new Status();
        Errors.check(mpi_h.MPI_Probe(source, tag, handle, status.segment()), "MPI_Probe");
        return status;
    }

    /** Describes a matching message if one is available, else returns null ({@code MPI_Iprobe}). */
    public Status iprobe(int source, int tag) {
        check();
        Args.source(source, size, "source");
        Args.recvTag(tag, Runtime.tagUpperBound(), "tag");
        Status status = new Status();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flag = arena.allocate(JAVA_INT);
            Errors.check(mpi_h.MPI_Iprobe(source, tag, handle, flag, status.segment()), "MPI_Iprobe");
            return flag.get(JAVA_INT, 0) != 0 ? status : null;
        }
    }

    /**
     * Starts a send of the whole native segment ({@code MPI_Isend}). The segment must not
     * be modified until the request completes. Heap segments are refused: the array could
     * move; copy it into a native segment or use the blocking {@link #send}.
     */
    public Request isend(MemorySegment buf, Datatype type, int dest, int tag) {
        check();
        Objects.requireNonNull(type, "type");
        int n = Args.countOf(nativeOnly(Args.segment(buf, "buf"), "buf"), type.extent(), "buf", type);
        Args.dest(dest, size, "dest");
        Args.tag(tag, Runtime.tagUpperBound(), "tag");
        MemorySegment slot = Request.newSlot();
        Errors.check(mpi_h.MPI_Isend(buf, n, type.handle(), dest, tag, handle, slot), "MPI_Isend");
        return new Request(slot, buf);
    }

    /** Starts a receive into the whole native segment ({@code MPI_Irecv}); heap segments are refused. */
    public Request irecv(MemorySegment buf, Datatype type, int source, int tag) {
        check();
        Objects.requireNonNull(type, "type");
        int n = Args.countOf(nativeOnly(Args.writable(buf, "buf"), "buf"), type.extent(), "buf", type);
        Args.source(source, size, "source");
        Args.recvTag(tag, Runtime.tagUpperBound(), "tag");
        MemorySegment slot = Request.newSlot();
        Errors.check(mpi_h.MPI_Irecv(buf, n, type.handle(), source, tag, handle, slot), "MPI_Irecv");
        return new Request(slot, buf);
    }

    private static MemorySegment nativeOnly(MemorySegment seg, String arg) {
        if (!seg.isNative()) {
            throw new IllegalArgumentException(arg + ": a nonblocking operation needs a native segment;"
                    + " a heap array may move before the operation completes (copy it to an Arena"
                    + "-allocated segment, or use the blocking call)");
        }
        return seg;
    }

    // ---------------------------------------------------------------- collectives

    /** Broadcasts the whole segment from {@code root} to every rank ({@code MPI_Bcast}). */
    public void bcast(MemorySegment buf, Datatype type, int root) {
        check();
        Objects.requireNonNull(type, "type");
        Args.root(root, size);
        int n = Args.countOf(rank == root ? Args.segment(buf, "buf") : Args.writable(buf, "buf"),
                type.extent(), "buf", type);
        int rc;
        if (buf.isNative()) {
            rc = mpi_h.MPI_Bcast(buf, n, type.handle(), root, handle);
        } else {
            try {
                rc = (int) HeapCalls.BCAST.invokeExact(buf, n, type.handle(), root, handle);
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, "MPI_Bcast");
    }

    /**
     * Combines {@code send} from every rank element-wise with {@code op} into
     * {@code recv} on every rank ({@code MPI_Allreduce}); {@code recv} must hold as many
     * elements as {@code send}.
     */
    public void allreduce(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        int n = Args.countOf(Args.segment(send, "send"), type.extent(), "send", type);
        Args.fits(Args.writable(recv, "recv"), n, type.extent(), "recv", type);
        rcAllreduce(send, recv, n, type, op);
    }

    /** Combines {@code buf} from every rank in place ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    public void allreduce(MemorySegment buf, Datatype type, Op op) {
        check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        int n = Args.countOf(Args.writable(buf, "buf"), type.extent(), "buf", type);
        rcAllreduce(mpi_h.MPI_IN_PLACE(), buf, n, type, op);
    }

    private void rcAllreduce(MemorySegment send, MemorySegment recv, int n, Datatype type, Op op) {
        int rc;
        if (send.isNative() && recv.isNative()) {
            rc = mpi_h.MPI_Allreduce(send, recv, n, type.handle(), op.handle(), handle);
        } else {
            try {
                rc = (int) HeapCalls.ALLREDUCE.invokeExact(send, recv, n, type.handle(), op.handle(), handle);
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, "MPI_Allreduce");
    }

    /**
     * Combines {@code send} from every rank into {@code recv} at {@code root}
     * ({@code MPI_Reduce}); {@code recv} is ignored (may be null) on other ranks.
     */
    public void reduce(MemorySegment send, MemorySegment recv, Datatype type, Op op, int root) {
        check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        Args.root(root, size);
        int n = Args.countOf(Args.segment(send, "send"), type.extent(), "send", type);
        MemorySegment r = MemorySegment.NULL;
        if (rank == root) {
            Args.fits(Args.writable(recv, "recv"), n, type.extent(), "recv", type);
            r = recv;
        }
        int rc;
        if (send.isNative() && r.isNative()) {
            rc = mpi_h.MPI_Reduce(send, r, n, type.handle(), op.handle(), root, handle);
        } else {
            try {
                rc = (int) HeapCalls.REDUCE.invokeExact(send, r, n, type.handle(), op.handle(), root, handle);
            } catch (Throwable e) {
                throw HeapCalls.rethrow(e);
            }
        }
        Errors.check(rc, "MPI_Reduce");
    }

    /**
     * Gathers every rank's {@code send} into {@code recv} at {@code root}, in rank order
     * ({@code MPI_Gather}); at the root {@code recv} holds {@code size()} times the
     * elements of {@code send}; elsewhere it is ignored (may be null).
     */
    public void gather(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        check();
        Objects.requireNonNull(type, "type");
        Args.root(root, size);
        int n = Args.countOf(nativeOnly(Args.segment(send, "send"), "send"), type.extent(), "send", type);
        MemorySegment r = MemorySegment.NULL;
        if (rank == root) {
            Args.fits(nativeOnly(Args.writable(recv, "recv"), "recv"), (long) n * size, type.extent(), "recv", type);
            r = recv;
        }
        Errors.check(mpi_h.MPI_Gather(send, n, type.handle(), r, n, type.handle(), root, handle), "MPI_Gather");
    }

    /**
     * Splits {@code send} at {@code root} into {@code size()} equal blocks, block i to
     * rank i's {@code recv} ({@code MPI_Scatter}); {@code send} is ignored off the root.
     */
    public void scatter(MemorySegment send, MemorySegment recv, Datatype type, int root) {
        check();
        Objects.requireNonNull(type, "type");
        Args.root(root, size);
        int n = Args.countOf(nativeOnly(Args.writable(recv, "recv"), "recv"), type.extent(), "recv", type);
        MemorySegment s = MemorySegment.NULL;
        if (rank == root) {
            Args.fits(nativeOnly(Args.segment(send, "send"), "send"), (long) n * size, type.extent(), "send", type);
            s = send;
        }
        Errors.check(mpi_h.MPI_Scatter(s, n, type.handle(), recv, n, type.handle(), root, handle), "MPI_Scatter");
    }

    /** Gathers every rank's {@code send} into every rank's {@code recv}, in rank order ({@code MPI_Allgather}). */
    public void allgather(MemorySegment send, MemorySegment recv, Datatype type) {
        check();
        Objects.requireNonNull(type, "type");
        int n = Args.countOf(nativeOnly(Args.segment(send, "send"), "send"), type.extent(), "send", type);
        Args.fits(nativeOnly(Args.writable(recv, "recv"), "recv"), (long) n * size, type.extent(), "recv", type);
        Errors.check(mpi_h.MPI_Allgather(send, n, type.handle(), recv, n, type.handle(), handle), "MPI_Allgather");
    }

    /**
     * Sends block j of {@code send} to rank j and receives rank i's block into block i of
     * {@code recv} ({@code MPI_Alltoall}); both hold {@code size()} equal blocks.
     */
    public void alltoall(MemorySegment send, MemorySegment recv, Datatype type) {
        check();
        Objects.requireNonNull(type, "type");
        long total = Args.countOf(nativeOnly(Args.segment(send, "send"), "send"), type.extent(), "send", type);
        if (total % size != 0) {
            throw new IllegalArgumentException("send: " + total + " elements do not split into " + size + " blocks");
        }
        int n = (int) (total / size);
        Args.fits(nativeOnly(Args.writable(recv, "recv"), "recv"), total, type.extent(), "recv", type);
        Errors.check(mpi_h.MPI_Alltoall(send, n, type.handle(), recv, n, type.handle(), handle), "MPI_Alltoall");
    }

    /** Inclusive prefix reduction: rank i gets {@code op} over ranks 0..i ({@code MPI_Scan}). */
    public void scan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        scanKind(true, send, recv, type, op);
    }

    /** Exclusive prefix reduction: rank i gets {@code op} over ranks 0..i-1; rank 0's recv is undefined ({@code MPI_Exscan}). */
    public void exscan(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        scanKind(false, send, recv, type, op);
    }

    private void scanKind(boolean inclusive, MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        int n = Args.countOf(nativeOnly(Args.segment(send, "send"), "send"), type.extent(), "send", type);
        Args.fits(nativeOnly(Args.writable(recv, "recv"), "recv"), n, type.extent(), "recv", type);
        if (inclusive) {
            Errors.check(mpi_h.MPI_Scan(send, recv, n, type.handle(), op.handle(), handle), "MPI_Scan");
        } else {
            Errors.check(mpi_h.MPI_Exscan(send, recv, n, type.handle(), op.handle(), handle), "MPI_Exscan");
        }
    }

    /** Reduces {@code send} (size() equal blocks) and leaves block i on rank i ({@code MPI_Reduce_scatter_block}). */
    public void reduceScatterBlock(MemorySegment send, MemorySegment recv, Datatype type, Op op) {
        check();
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(op, "op");
        int n = Args.countOf(nativeOnly(Args.writable(recv, "recv"), "recv"), type.extent(), "recv", type);
        Args.fits(nativeOnly(Args.segment(send, "send"), "send"), (long) n * size, type.extent(), "send", type);
        Errors.check(mpi_h.MPI_Reduce_scatter_block(send, recv, n, type.handle(), op.handle(), handle),
                "MPI_Reduce_scatter_block");
    }

    // ---------------------------------------------------------------- Java arrays

    /** Sends a whole {@code byte[]} ({@code MPI_Send}, {@code MPI_INT8}), pinned, without a copy. */
    public void send(byte[] buf, int dest, int tag) {
        send(heap(buf, "buf"), buf.length, Datatype.INT8, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    public void send(byte[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        send(MemorySegment.ofArray(buf).asSlice(offset), count, Datatype.INT8, dest, tag);
    }

    /** Receives into a whole {@code byte[]} ({@code MPI_Recv}); see {@link #recv(MemorySegment, Datatype, int, int)}. */
    public Status recv(byte[] buf, int source, int tag) {
        Status status = new Status();
        recvImpl(heap(buf, "buf"), buf.length, Datatype.INT8, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    public Status recv(byte[] buf, int offset, int count, int source, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        Status status = new Status();
        recv(MemorySegment.ofArray(buf).asSlice(offset), count, Datatype.INT8, source, tag, status);
        return status;
    }

    /** Broadcasts a whole {@code byte[]} from {@code root} ({@code MPI_Bcast}). */
    public void bcast(byte[] buf, int root) {
        bcast(heap(buf, "buf"), Datatype.INT8, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    public void allreduce(byte[] send, byte[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.INT8, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    public void allreduce(byte[] buf, Op op) {
        allreduce(heap(buf, "buf"), Datatype.INT8, op);
    }

    /** Sends a whole {@code short[]} ({@code MPI_Send}, {@code MPI_SHORT}), pinned, without a copy. */
    public void send(short[] buf, int dest, int tag) {
        send(heap(buf, "buf"), buf.length, Datatype.SHORT, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    public void send(short[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        send(MemorySegment.ofArray(buf).asSlice((long) offset * 2), count, Datatype.SHORT, dest, tag);
    }

    /** Receives into a whole {@code short[]} ({@code MPI_Recv}); see {@link #recv(MemorySegment, Datatype, int, int)}. */
    public Status recv(short[] buf, int source, int tag) {
        Status status = new Status();
        recvImpl(heap(buf, "buf"), buf.length, Datatype.SHORT, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    public Status recv(short[] buf, int offset, int count, int source, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        Status status = new Status();
        recv(MemorySegment.ofArray(buf).asSlice((long) offset * 2), count, Datatype.SHORT, source, tag, status);
        return status;
    }

    /** Broadcasts a whole {@code short[]} from {@code root} ({@code MPI_Bcast}). */
    public void bcast(short[] buf, int root) {
        bcast(heap(buf, "buf"), Datatype.SHORT, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    public void allreduce(short[] send, short[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.SHORT, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    public void allreduce(short[] buf, Op op) {
        allreduce(heap(buf, "buf"), Datatype.SHORT, op);
    }

    /** Sends a whole {@code char[]} ({@code MPI_Send}, {@code MPI_UINT16}), pinned, without a copy. */
    public void send(char[] buf, int dest, int tag) {
        send(heap(buf, "buf"), buf.length, Datatype.UINT16, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    public void send(char[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        send(MemorySegment.ofArray(buf).asSlice((long) offset * 2), count, Datatype.UINT16, dest, tag);
    }

    /** Receives into a whole {@code char[]} ({@code MPI_Recv}); see {@link #recv(MemorySegment, Datatype, int, int)}. */
    public Status recv(char[] buf, int source, int tag) {
        Status status = new Status();
        recvImpl(heap(buf, "buf"), buf.length, Datatype.UINT16, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    public Status recv(char[] buf, int offset, int count, int source, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        Status status = new Status();
        recv(MemorySegment.ofArray(buf).asSlice((long) offset * 2), count, Datatype.UINT16, source, tag, status);
        return status;
    }

    /** Broadcasts a whole {@code char[]} from {@code root} ({@code MPI_Bcast}). */
    public void bcast(char[] buf, int root) {
        bcast(heap(buf, "buf"), Datatype.UINT16, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    public void allreduce(char[] send, char[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.UINT16, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    public void allreduce(char[] buf, Op op) {
        allreduce(heap(buf, "buf"), Datatype.UINT16, op);
    }

    /** Sends a whole {@code int[]} ({@code MPI_Send}, {@code MPI_INT}), pinned, without a copy. */
    public void send(int[] buf, int dest, int tag) {
        send(heap(buf, "buf"), buf.length, Datatype.INT, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    public void send(int[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        send(MemorySegment.ofArray(buf).asSlice((long) offset * 4), count, Datatype.INT, dest, tag);
    }

    /** Receives into a whole {@code int[]} ({@code MPI_Recv}); see {@link #recv(MemorySegment, Datatype, int, int)}. */
    public Status recv(int[] buf, int source, int tag) {
        Status status = new Status();
        recvImpl(heap(buf, "buf"), buf.length, Datatype.INT, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    public Status recv(int[] buf, int offset, int count, int source, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        Status status = new Status();
        recv(MemorySegment.ofArray(buf).asSlice((long) offset * 4), count, Datatype.INT, source, tag, status);
        return status;
    }

    /** Broadcasts a whole {@code int[]} from {@code root} ({@code MPI_Bcast}). */
    public void bcast(int[] buf, int root) {
        bcast(heap(buf, "buf"), Datatype.INT, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    public void allreduce(int[] send, int[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.INT, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    public void allreduce(int[] buf, Op op) {
        allreduce(heap(buf, "buf"), Datatype.INT, op);
    }

    /** Sends a whole {@code long[]} ({@code MPI_Send}, {@code MPI_INT64}), pinned, without a copy. */
    public void send(long[] buf, int dest, int tag) {
        send(heap(buf, "buf"), buf.length, Datatype.INT64, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    public void send(long[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        send(MemorySegment.ofArray(buf).asSlice((long) offset * 8), count, Datatype.INT64, dest, tag);
    }

    /** Receives into a whole {@code long[]} ({@code MPI_Recv}); see {@link #recv(MemorySegment, Datatype, int, int)}. */
    public Status recv(long[] buf, int source, int tag) {
        Status status = new Status();
        recvImpl(heap(buf, "buf"), buf.length, Datatype.INT64, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    public Status recv(long[] buf, int offset, int count, int source, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        Status status = new Status();
        recv(MemorySegment.ofArray(buf).asSlice((long) offset * 8), count, Datatype.INT64, source, tag, status);
        return status;
    }

    /** Broadcasts a whole {@code long[]} from {@code root} ({@code MPI_Bcast}). */
    public void bcast(long[] buf, int root) {
        bcast(heap(buf, "buf"), Datatype.INT64, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    public void allreduce(long[] send, long[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.INT64, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    public void allreduce(long[] buf, Op op) {
        allreduce(heap(buf, "buf"), Datatype.INT64, op);
    }

    /** Sends a whole {@code float[]} ({@code MPI_Send}, {@code MPI_FLOAT}), pinned, without a copy. */
    public void send(float[] buf, int dest, int tag) {
        send(heap(buf, "buf"), buf.length, Datatype.FLOAT, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    public void send(float[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        send(MemorySegment.ofArray(buf).asSlice((long) offset * 4), count, Datatype.FLOAT, dest, tag);
    }

    /** Receives into a whole {@code float[]} ({@code MPI_Recv}); see {@link #recv(MemorySegment, Datatype, int, int)}. */
    public Status recv(float[] buf, int source, int tag) {
        Status status = new Status();
        recvImpl(heap(buf, "buf"), buf.length, Datatype.FLOAT, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    public Status recv(float[] buf, int offset, int count, int source, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        Status status = new Status();
        recv(MemorySegment.ofArray(buf).asSlice((long) offset * 4), count, Datatype.FLOAT, source, tag, status);
        return status;
    }

    /** Broadcasts a whole {@code float[]} from {@code root} ({@code MPI_Bcast}). */
    public void bcast(float[] buf, int root) {
        bcast(heap(buf, "buf"), Datatype.FLOAT, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    public void allreduce(float[] send, float[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.FLOAT, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    public void allreduce(float[] buf, Op op) {
        allreduce(heap(buf, "buf"), Datatype.FLOAT, op);
    }

    /** Sends a whole {@code double[]} ({@code MPI_Send}, {@code MPI_DOUBLE}), pinned, without a copy. */
    public void send(double[] buf, int dest, int tag) {
        send(heap(buf, "buf"), buf.length, Datatype.DOUBLE, dest, tag);
    }

    /** Sends {@code count} elements of {@code buf} from {@code offset} ({@code MPI_Send}). */
    public void send(double[] buf, int offset, int count, int dest, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        send(MemorySegment.ofArray(buf).asSlice((long) offset * 8), count, Datatype.DOUBLE, dest, tag);
    }

    /** Receives into a whole {@code double[]} ({@code MPI_Recv}); see {@link #recv(MemorySegment, Datatype, int, int)}. */
    public Status recv(double[] buf, int source, int tag) {
        Status status = new Status();
        recvImpl(heap(buf, "buf"), buf.length, Datatype.DOUBLE, source, tag, status);
        return status;
    }

    /** Receives at most {@code count} elements into {@code buf} from {@code offset} ({@code MPI_Recv}). */
    public Status recv(double[] buf, int offset, int count, int source, int tag) {
        Args.range(Objects.requireNonNull(buf, "buf").length, offset, count, "buf");
        Status status = new Status();
        recv(MemorySegment.ofArray(buf).asSlice((long) offset * 8), count, Datatype.DOUBLE, source, tag, status);
        return status;
    }

    /** Broadcasts a whole {@code double[]} from {@code root} ({@code MPI_Bcast}). */
    public void bcast(double[] buf, int root) {
        bcast(heap(buf, "buf"), Datatype.DOUBLE, root);
    }

    /** Combines {@code send} from every rank into {@code recv} on every rank ({@code MPI_Allreduce}). */
    public void allreduce(double[] send, double[] recv, Op op) {
        if (Objects.requireNonNull(send, "send").length != Objects.requireNonNull(recv, "recv").length) {
            throw new IllegalArgumentException("recv: length " + recv.length + " differs from send's " + send.length);
        }
        allreduce(MemorySegment.ofArray(send), MemorySegment.ofArray(recv), Datatype.DOUBLE, op);
    }

    /** Combines {@code buf} in place on every rank ({@code MPI_Allreduce} with {@code MPI_IN_PLACE}). */
    public void allreduce(double[] buf, Op op) {
        allreduce(heap(buf, "buf"), Datatype.DOUBLE, op);
    }

    private static MemorySegment heap(Object array, String arg) {
        Objects.requireNonNull(array, arg);
        return switch (array) {
            case byte[] a -> MemorySegment.ofArray(a);
            case short[] a -> MemorySegment.ofArray(a);
            case char[] a -> MemorySegment.ofArray(a);
            case int[] a -> MemorySegment.ofArray(a);
            case long[] a -> MemorySegment.ofArray(a);
            case float[] a -> MemorySegment.ofArray(a);
            case double[] a -> MemorySegment.ofArray(a);
            default -> throw new IllegalArgumentException(arg + ": not a primitive array");
        };
    }

    // ---------------------------------------------------------------- communicator management

    /** A communicator MPI created for this process: returns errors, freed by close(). */
    private static Comm created(MemorySegment out, String label) {
        MemorySegment h = out.get(mpi_h.C_POINTER, 0);
        if (h.address() == OmpiHandles.COMM_NULL.address()) {
            return null;
        }
        Errors.check(mpi_h.MPI_Comm_set_errhandler(h, OmpiHandles.ERRORS_RETURN), "MPI_Comm_set_errhandler");
        return new Comm(h, false, label);
    }

    /** A new communicator with the same group and a new context ({@code MPI_Comm_dup}); collective. */
    public Comm dup() {
        check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(mpi_h.C_POINTER);
            Errors.check(mpi_h.MPI_Comm_dup(handle, out), "MPI_Comm_dup");
            return created(out, "dup of " + label);
        }
    }

    /**
     * Splits into one communicator per {@code color}, ranked by {@code key} then by the
     * old rank ({@code MPI_Comm_split}); collective. A rank passing
     * {@link Group#UNDEFINED} as color gets {@code null}.
     */
    public Comm split(int color, int key) {
        check();
        if (color < 0 && color != Group.UNDEFINED) {
            throw new IllegalArgumentException("color: " + color + " must be >= 0 or Group.UNDEFINED");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(mpi_h.C_POINTER);
            Errors.check(mpi_h.MPI_Comm_split(handle, color, key, out), "MPI_Comm_split");
            return created(out, "split of " + label + " (color " + color + ")");
        }
    }

    /**
     * Splits into the groups of ranks that can share memory, i.e. one per node
     * ({@code MPI_Comm_split_type} with {@code MPI_COMM_TYPE_SHARED}); collective.
     */
    public Comm splitShared(int key) {
        check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(mpi_h.C_POINTER);
            Errors.check(mpi_h.MPI_Comm_split_type(handle, mpi_h.MPI_COMM_TYPE_SHARED(), key,
                    OmpiHandles.INFO_NULL, out), "MPI_Comm_split_type");
            return created(out, "shared-memory split of " + label);
        }
    }

    /**
     * A communicator of the members of {@code group}, a subset of this communicator's
     * group ({@code MPI_Comm_create}); collective over this communicator. Non-members get
     * {@code null}.
     */
    public Comm create(Group group) {
        check();
        Objects.requireNonNull(group, "group");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(mpi_h.C_POINTER);
            Errors.check(mpi_h.MPI_Comm_create(handle, group.handle(), out), "MPI_Comm_create");
            return created(out, "created from a group of " + label);
        }
    }

    /** The communicator's group ({@code MPI_Comm_group}); close it when done. */
    public Group group() {
        check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(mpi_h.C_POINTER);
            Errors.check(mpi_h.MPI_Comm_group(handle, out), "MPI_Comm_group");
            return new Group(out.get(mpi_h.C_POINTER, 0));
        }
    }

    /** Compares with {@code other} ({@code MPI_Comm_compare}). */
    public Comparison compare(Comm other) {
        check();
        Objects.requireNonNull(other, "other").check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(mpi_h.MPI_Comm_compare(handle, other.handle, out), "MPI_Comm_compare");
            return Comparison.of(out.get(JAVA_INT, 0));
        }
    }

    /** Names the communicator ({@code MPI_Comm_set_name}); at most MPI_MAX_OBJECT_NAME - 1 bytes. */
    public void name(String name) {
        check();
        Objects.requireNonNull(name, "name");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocateFrom(name);
            if (text.byteSize() > mpi_h.MPI_MAX_OBJECT_NAME()) {
                throw new IllegalArgumentException("name: longer than " + (mpi_h.MPI_MAX_OBJECT_NAME() - 1) + " bytes");
            }
            Errors.check(mpi_h.MPI_Comm_set_name(handle, text), "MPI_Comm_set_name");
        }
    }

    /** Whether this is a predefined communicator (world, self), which close() leaves alone. */
    public boolean isPredefined() {
        return predefined;
    }

    /**
     * Frees the communicator ({@code MPI_Comm_free}) exactly once; a no-op for the
     * predefined ones, which MPI_Finalize releases.
     */
    @Override
    public void close() {
        if (!predefined) {
            freed.free(handle, mpi_h::MPI_Comm_free, "MPI_Comm_free");
        }
    }

    private void check() {
        freed.check();
    }

    @Override
    public String toString() {
        return "Comm[" + label + ", rank " + rank + " of " + size + "]";
    }
}
