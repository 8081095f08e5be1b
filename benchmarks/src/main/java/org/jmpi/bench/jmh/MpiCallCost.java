package org.jmpi.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;
import org.jmpi.Request;
import org.jmpi.Status;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of single MPI calls through jmpi in one process, to set beside the same calls
 * from C ({@code call_cost.c}): the rank (cached by {@link Comm}, so no native call),
 * {@code MPI_Wtime}, {@code MPI_Barrier}, and 8-byte messages to itself on
 * {@code MPI_COMM_SELF} (sendrecv, send then recv, irecv and isend then waitall) from
 * native segments and from Java arrays, and one-{@code long} {@code MPI_Allreduce} and
 * {@code MPI_Bcast} there, from segments and from arrays.
 */
public class MpiCallCost extends CallCostSettings {
    private Comm world;
    private Comm self;
    private Arena arena;
    private MemorySegment sendSeg;
    private MemorySegment recvSeg;
    private final byte[] sendArray = new byte[8];
    private final byte[] recvArray = new byte[8];
    private final long[] sumArray = new long[1];
    private final long[] sumOutArray = new long[1];
    private final long[] bcastArray = new long[1];
    private MemorySegment sumSeg;
    private MemorySegment sumOutSeg;
    private final MemorySegment sendHeap = MemorySegment.ofArray(new byte[8]);
    private final MemorySegment recvHeap = MemorySegment.ofArray(new byte[8]);
    private final Status status = new Status();
    private final Request recvRequest = new Request();
    private final Request sendRequest = new Request();
    private final Request[] pair = {recvRequest, sendRequest};

    /** Initialises MPI (once per JVM) and the 8-byte buffers. */
    @Setup
    public void setup() {
        Mpi mpi = JmhMpi.mpi();
        world = mpi.world();
        self = mpi.self();
        arena = Arena.ofShared();
        sendSeg = arena.allocate(8);
        recvSeg = arena.allocate(8);
        sumSeg = arena.allocate(8);
        sumOutSeg = arena.allocate(8);
    }

    /** Frees the buffers. */
    @TearDown
    public void tearDown() {
        arena.close();
    }

    /** {@code Comm.rank()} (jmpi answers from the Comm; C calls {@code MPI_Comm_rank}). */
    @Benchmark
    public int commRank() {
        return world.rank();
    }

    /** {@code MPI_Wtime}. */
    @Benchmark
    public double wtime() {
        return Mpi.wtime();
    }

    /** {@code MPI_Barrier} on {@code MPI_COMM_SELF}. */
    @Benchmark
    public void barrierSelf() {
        self.barrier();
    }

    /** {@code MPI_Sendrecv} of 8 bytes to itself, native segments, reused Status. */
    @Benchmark
    public void selfSendrecv() {
        self.sendrecv(sendSeg, Datatype.BYTE, 0, 0, recvSeg, Datatype.BYTE, 0, 0, status);
    }

    /** {@code MPI_Sendrecv} of 8 bytes to itself from and into heap segments over byte arrays (staged), reused Status. */
    @Benchmark
    public void selfSendrecvArray() {
        self.sendrecv(sendHeap, Datatype.BYTE, 0, 0, recvHeap, Datatype.BYTE, 0, 0, status);
    }

    /** An 8-byte {@code MPI_Send} to itself on {@code MPI_COMM_SELF} (eager), then its {@code MPI_Recv}: native segments. */
    @Benchmark
    public void selfSendThenRecv() {
        self.send(sendSeg, 8, Datatype.INT8, 0, 1);
        self.recv(recvSeg, 8, Datatype.INT8, 0, 1, status);
    }

    /** {@link #selfSendThenRecv} from and into {@code byte[8]}s (through jmpi's per-thread staging). */
    @Benchmark
    public void selfSendThenRecvArray() {
        self.send(sendArray, 0, 1);
        self.recv(recvArray, 0, 1, status);
    }

    /**
     * An 8-byte {@code MPI_Irecv} and {@code MPI_Isend} to itself into reused requests, then
     * {@code MPI_Waitall}: native segments.
     */
    @Benchmark
    public void selfIrecvIsendWaitall() {
        self.irecv(recvSeg, 8, Datatype.INT8, 0, 2, recvRequest);
        self.isend(sendSeg, 8, Datatype.INT8, 0, 2, sendRequest);
        Request.waitAll(pair);
    }

    /**
     * {@link #selfIrecvIsendWaitall} from and into {@code byte[8]}s: each request copies its
     * array through native memory it owns ({@code malloc}'d per operation).
     */
    @Benchmark
    public void selfIrecvIsendWaitallArray() {
        self.irecv(recvArray, 0, 2, recvRequest);
        self.isend(sendArray, 0, 2, sendRequest);
        Request.waitAll(pair);
    }

    /** {@code MPI_Allreduce} (SUM) of one {@code long} on {@code MPI_COMM_SELF}: native segments. */
    @Benchmark
    public void selfAllreduce() {
        self.allreduce(sumSeg, sumOutSeg, Datatype.INT64, Op.SUM);
    }

    /** {@link #selfAllreduce} from and into {@code long[1]}s (through jmpi's per-thread staging). */
    @Benchmark
    public void selfAllreduceArray() {
        self.allreduce(sumArray, sumOutArray, Op.SUM);
    }

    /** {@code MPI_Bcast} of one {@code long} on {@code MPI_COMM_SELF}: a native segment. */
    @Benchmark
    public void selfBcast() {
        self.bcast(sumSeg, Datatype.INT64, 0);
    }

    /** {@link #selfBcast} of a {@code long[1]} (through jmpi's per-thread staging). */
    @Benchmark
    public void selfBcastArray() {
        self.bcast(bcastArray, 0);
    }
}
