package mpi;

import java.lang.foreign.MemorySegment;
import java.nio.Buffer;

import org.jmpi.Buf;

/**
 * The point-to-point calls of {@link Comm}. Blocking calls take Java arrays and direct or
 * heap buffers; nonblocking and persistent calls take direct buffers only. Counts are in
 * elements of the datatype, from the start of the array or buffer.
 */
abstract class CommPointToPoint extends CommBase {
    CommPointToPoint() {
    }

    CommPointToPoint(org.jmpi.Comm comm, Errhandler inherited) {
        super(comm, inherited);
    }

    private static final int SEND = 0;
    private static final int BSEND = 1;
    private static final int SSEND = 2;
    private static final int RSEND = 3;

    private void send(int mode, Object buf, int count, Datatype type, int dest, int tag, String call)
            throws MPIException {
        org.jmpi.Comm c = jmpi();
        try {
            MemorySegment s = Buffers.directOrNull(buf);
            if (s != null) {
                // a direct buffer goes to jmpi as a counted segment, with no Buf made for it
                org.jmpi.Datatype t = Buffers.checked(count, type, "buf");
                switch (mode) {
                    case BSEND -> c.bsend(s, count, t, dest, tag);
                    case SSEND -> c.ssend(s, count, t, dest, tag);
                    case RSEND -> c.rsend(s, count, t, dest, tag);
                    default -> c.send(s, count, t, dest, tag);
                }
                return;
            }
            Buf b = Buffers.message(buf, count, type, "buf");
            switch (mode) {
                case BSEND -> c.bsend(b, dest, tag);
                case SSEND -> c.ssend(b, dest, tag);
                case RSEND -> c.rsend(b, dest, tag);
                default -> c.send(b, dest, tag);
            }
        } catch (RuntimeException e) {
            throw failure(e, call);
        }
    }

    /**
     * Sends {@code count} elements of {@code type} from {@code buf} ({@code MPI_Send}).
     *
     * @param buf   an array or buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void send(Object buf, int count, Datatype type, int dest, int tag) throws MPIException {
        send(SEND, buf, count, type, dest, tag, "MPI_Send");
    }

    /**
     * Receives at most {@code count} elements of {@code type} into {@code buf} ({@code MPI_Recv}).
     *
     * @param buf    an array or buffer
     * @param count  capacity in elements
     * @param type   datatype of each element
     * @param source rank of the sender, or {@link MPI#ANY_SOURCE}
     * @param tag    message tag, or {@link MPI#ANY_TAG}
     * @return the status of the message
     * @throws MPIException if an argument is wrong, the message is too long, or MPI fails
     */
    public Status recv(Object buf, int count, Datatype type, int source, int tag) throws MPIException {
        org.jmpi.Comm c = jmpi();
        try {
            if (buf instanceof boolean[]) {
                Buffers.Region r = Buffers.blocking(buf, count, type, "buf", false);
                org.jmpi.Status s = c.recv(r.buf, source, tag);
                r.done();
                return new Status(s, -1);
            }
            org.jmpi.Status st = Status.scratch();
            MemorySegment s = Buffers.directOrNull(buf);
            if (s != null) {
                c.recv(s, count, Buffers.checked(count, type, "buf"), source, tag, st);
            } else {
                c.recv(Buffers.message(buf, count, type, "buf"), source, tag, st);
            }
            return Status.received(st);
        } catch (RuntimeException e) {
            throw failure(e, "MPI_Recv");
        }
    }

    /**
     * Sends one message and receives another in one call ({@code MPI_Sendrecv}).
     *
     * @param sendbuf   send array or buffer
     * @param sendcount elements to send
     * @param sendtype  send datatype
     * @param dest      rank of the receiver
     * @param sendtag   send tag
     * @param recvbuf   receive array or buffer
     * @param recvcount receive capacity in elements
     * @param recvtype  receive datatype
     * @param source    rank of the sender, or {@link MPI#ANY_SOURCE}
     * @param recvtag   receive tag, or {@link MPI#ANY_TAG}
     * @return the status of the received message
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Status sendRecv(Object sendbuf, int sendcount, Datatype sendtype, int dest, int sendtag,
                           Object recvbuf, int recvcount, Datatype recvtype, int source, int recvtag)
            throws MPIException {
        return call("MPI_Sendrecv", c -> {
            Buf s = Buffers.blocking(sendbuf, sendcount, sendtype, "sendbuf", true).buf;
            Buffers.Region r = Buffers.blocking(recvbuf, recvcount, recvtype, "recvbuf", false);
            org.jmpi.Status st = c.sendrecv(s, dest, sendtag, r.buf, source, recvtag);
            r.done();
            return new Status(st, -1);
        });
    }

    /**
     * Sends {@code buf} and replaces it with the message received ({@code MPI_Sendrecv_replace}).
     *
     * @param buf     array or buffer
     * @param count   elements sent and received
     * @param type    datatype
     * @param dest    rank of the receiver
     * @param sendtag send tag
     * @param source  rank of the sender, or {@link MPI#ANY_SOURCE}
     * @param recvtag receive tag, or {@link MPI#ANY_TAG}
     * @return the status of the received message
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Status sendRecvReplace(Object buf, int count, Datatype type, int dest, int sendtag, int source,
                                  int recvtag) throws MPIException {
        return call("MPI_Sendrecv_replace", c -> {
            Buffers.Region r = Buffers.blocking(buf, count, type, "buf", true);
            Buf b = r.buf;
            MemorySegment seg = b.segment().asSlice(0, (long) count * b.type().extent());
            org.jmpi.Status st = c.sendrecvReplace(seg, b.type(), dest, sendtag, source, recvtag);
            r.done();
            return new Status(st, -1);
        });
    }

    /**
     * Buffered send through the buffer of {@link MPI#attachBuffer} ({@code MPI_Bsend}).
     *
     * @param buf   an array or buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @throws MPIException if an argument is wrong, the buffer too small, or MPI fails
     */
    public void bSend(Object buf, int count, Datatype type, int dest, int tag) throws MPIException {
        send(BSEND, buf, count, type, dest, tag, "MPI_Bsend");
    }

    /**
     * Synchronous send: returns once the receive has started ({@code MPI_Ssend}).
     *
     * @param buf   an array or buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void sSend(Object buf, int count, Datatype type, int dest, int tag) throws MPIException {
        send(SSEND, buf, count, type, dest, tag, "MPI_Ssend");
    }

    /**
     * Ready send: the matching receive must be posted ({@code MPI_Rsend}).
     *
     * @param buf   an array or buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public void rSend(Object buf, int count, Datatype type, int dest, int tag) throws MPIException {
        send(RSEND, buf, count, type, dest, tag, "MPI_Rsend");
    }

    private Request post(int mode, Buffer buf, int count, Datatype type, int peer, int tag, String call)
            throws MPIException {
        Buffers.requireDirect(buf, "buffer");
        return call(call, c -> {
            Buf b = Buffers.direct(buf, count, type, "buffer");
            return switch (mode) {
            case BSEND -> request(c.ibsend(b, peer, tag), buf, null);
            case SSEND -> request(c.issend(b, peer, tag), buf, null);
            case RSEND -> request(c.irsend(b, peer, tag), buf, null);
            case SEND -> request(c.isend(b, peer, tag), buf, null);
            default -> request(c.irecv(b, peer, tag), null, buf);
            };
        });
    }

    /**
     * Starts a standard send ({@code MPI_Isend}).
     *
     * @param buf   a direct buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @return the request
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Request iSend(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        return post(SEND, buf, count, type, dest, tag, "MPI_Isend");
    }

    /**
     * Starts a buffered send ({@code MPI_Ibsend}).
     *
     * @param buf   a direct buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @return the request
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Request ibSend(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        return post(BSEND, buf, count, type, dest, tag, "MPI_Ibsend");
    }

    /**
     * Starts a synchronous send ({@code MPI_Issend}).
     *
     * @param buf   a direct buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @return the request
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Request isSend(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        return post(SSEND, buf, count, type, dest, tag, "MPI_Issend");
    }

    /**
     * Starts a ready send ({@code MPI_Irsend}).
     *
     * @param buf   a direct buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @return the request
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Request irSend(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        return post(RSEND, buf, count, type, dest, tag, "MPI_Irsend");
    }

    /**
     * Starts a receive ({@code MPI_Irecv}).
     *
     * @param buf    a direct buffer
     * @param count  capacity in elements
     * @param type   datatype of each element
     * @param source rank of the sender, or {@link MPI#ANY_SOURCE}
     * @param tag    message tag, or {@link MPI#ANY_TAG}
     * @return the request
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Request iRecv(Buffer buf, int count, Datatype type, int source, int tag) throws MPIException {
        return post(-1, buf, count, type, source, tag, "MPI_Irecv");
    }

    private Prequest persistent(int mode, Buffer buf, int count, Datatype type, int peer, int tag, String call)
            throws MPIException {
        Buffers.requireDirect(buf, "buffer");
        return call(call, c -> {
            Buf b = Buffers.direct(buf, count, type, "buffer");
            return switch (mode) {
            case BSEND -> prequest(c.bsendInit(b, peer, tag), buf, null);
            case SSEND -> prequest(c.ssendInit(b, peer, tag), buf, null);
            case RSEND -> prequest(c.rsendInit(b, peer, tag), buf, null);
            case SEND -> prequest(c.sendInit(b, peer, tag), buf, null);
            default -> prequest(c.recvInit(b, peer, tag), null, buf);
            };
        });
    }

    /**
     * A persistent standard send ({@code MPI_Send_init}).
     *
     * @param buf   a direct buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @return the persistent request, to be started
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Prequest sendInit(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        return persistent(SEND, buf, count, type, dest, tag, "MPI_Send_init");
    }

    /**
     * A persistent buffered send ({@code MPI_Bsend_init}).
     *
     * @param buf   a direct buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @return the persistent request, to be started
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Prequest bSendInit(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        return persistent(BSEND, buf, count, type, dest, tag, "MPI_Bsend_init");
    }

    /**
     * A persistent synchronous send ({@code MPI_Ssend_init}).
     *
     * @param buf   a direct buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @return the persistent request, to be started
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Prequest sSendInit(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        return persistent(SSEND, buf, count, type, dest, tag, "MPI_Ssend_init");
    }

    /**
     * A persistent ready send ({@code MPI_Rsend_init}).
     *
     * @param buf   a direct buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @param dest  rank of the receiver
     * @param tag   message tag
     * @return the persistent request, to be started
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Prequest rSendInit(Buffer buf, int count, Datatype type, int dest, int tag) throws MPIException {
        return persistent(RSEND, buf, count, type, dest, tag, "MPI_Rsend_init");
    }

    /**
     * A persistent receive ({@code MPI_Recv_init}).
     *
     * @param buf    a direct buffer
     * @param count  capacity in elements
     * @param type   datatype of each element
     * @param source rank of the sender, or {@link MPI#ANY_SOURCE}
     * @param tag    message tag, or {@link MPI#ANY_TAG}
     * @return the persistent request, to be started
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Prequest recvInit(Buffer buf, int count, Datatype type, int source, int tag) throws MPIException {
        return persistent(-1, buf, count, type, source, tag, "MPI_Recv_init");
    }

    /**
     * Packs {@code incount} elements of {@code inbuf} into {@code outbuf} at byte
     * {@code position} ({@code MPI_Pack}).
     *
     * @param inbuf    an array or buffer
     * @param incount  number of elements
     * @param type     datatype of each element
     * @param outbuf   the packed bytes
     * @param position where to start in {@code outbuf}
     * @return the position after the packed data
     * @throws MPIException if an argument is wrong or {@code outbuf} too small
     */
    public int pack(Object inbuf, int incount, Datatype type, byte[] outbuf, int position) throws MPIException {
        return Packing.pack(this, inbuf, incount, type, outbuf, position);
    }

    /**
     * Unpacks {@code outcount} elements from {@code inbuf} at byte {@code position} into
     * {@code outbuf} ({@code MPI_Unpack}).
     *
     * @param inbuf    the packed bytes
     * @param position where to start in {@code inbuf}
     * @param outbuf   an array or buffer
     * @param outcount number of elements
     * @param type     datatype of each element
     * @return the position after the unpacked data
     * @throws MPIException if an argument is wrong or the data too short
     */
    public int unpack(byte[] inbuf, int position, Object outbuf, int outcount, Datatype type) throws MPIException {
        return Packing.unpack(this, inbuf, position, outbuf, outcount, type);
    }

    /**
     * The bytes {@link #pack} needs at most for {@code incount} elements ({@code MPI_Pack_size}).
     *
     * @param incount number of elements
     * @param type    datatype of each element
     * @return the size in bytes
     * @throws MPIException if an argument is wrong
     */
    public int packSize(int incount, Datatype type) throws MPIException {
        return Packing.packSize(this, incount, type);
    }

    /**
     * Whether a matching message is waiting ({@code MPI_Iprobe}).
     *
     * @param source rank of the sender, or {@link MPI#ANY_SOURCE}
     * @param tag    message tag, or {@link MPI#ANY_TAG}
     * @return its status, or null if none is waiting
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Status iProbe(int source, int tag) throws MPIException {
        return call("MPI_Iprobe", c -> {
            org.jmpi.Status s = c.iprobe(source, tag);
            return s == null ? null : new Status(s, -1);
        });
    }

    /**
     * Waits until a matching message is waiting ({@code MPI_Probe}).
     *
     * @param source rank of the sender, or {@link MPI#ANY_SOURCE}
     * @param tag    message tag, or {@link MPI#ANY_TAG}
     * @return its status
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Status probe(int source, int tag) throws MPIException {
        return call("MPI_Probe", c -> new Status(c.probe(source, tag), -1));
    }
}
