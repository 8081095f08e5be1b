package org.jmpi.bench.mpijava;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

import mpi.Intracomm;
import mpi.MPI;
import mpi.MPIException;
import mpi.Request;

import org.jmpi.bench.OsuData;

/**
 * The send and receive buffers of the two-rank programs on the {@code mpi} package, and
 * the calls that move them, as {@code MPI.BYTE}: page-aligned direct byte buffers
 * ({@code -b direct}) or Java {@code byte[]}s ({@code -b array}). The package's blocking
 * calls take either; its nonblocking calls take direct buffers only ({@link #iSend} and
 * {@link #iRecv} refuse a run on arrays).
 */
final class MpiJavaPair {
    private final Intracomm world;
    private final boolean arrays;
    /** The direct buffers, or null with arrays. */
    private final ByteBuffer send;
    private final ByteBuffer recv;
    /** The arrays, or null with direct buffers. */
    private final byte[] sendArray;
    private final byte[] recvArray;

    /** Buffers of {@code bytes} each, of the run's buffer kind. */
    MpiJavaPair(MpiJavaRun run, long bytes) {
        this.world = run.world();
        this.arrays = run.arrays();
        int n = Math.toIntExact(bytes);
        this.send = arrays ? null : MpiJavaRun.allocate(n);
        this.recv = arrays ? null : MpiJavaRun.allocate(n);
        this.sendArray = arrays ? new byte[n] : null;
        this.recvArray = arrays ? new byte[n] : null;
    }

    /** Blocking send of the first {@code n} bytes ({@code MPI_Send}). */
    void send(int n, int dest, int tag) throws MPIException {
        world.send(arrays ? sendArray : send, n, MPI.BYTE, dest, tag);
    }

    /** Blocking receive of {@code n} bytes ({@code MPI_Recv}); the status it returns is dropped. */
    void recv(int n, int source, int tag) throws MPIException {
        world.recv(arrays ? recvArray : recv, n, MPI.BYTE, source, tag);
    }

    /** Starts a send of the first {@code n} bytes of the direct buffer ({@code MPI_Isend}). */
    Request iSend(int n, int dest, int tag) throws MPIException {
        return world.iSend(direct(send), n, MPI.BYTE, dest, tag);
    }

    /** Starts a receive of {@code n} bytes into the direct buffer ({@code MPI_Irecv}). */
    Request iRecv(int n, int source, int tag) throws MPIException {
        return world.iRecv(direct(recv), n, MPI.BYTE, source, tag);
    }

    private ByteBuffer direct(ByteBuffer buf) {
        if (arrays) {
            throw new IllegalStateException("the mpi package's nonblocking calls take direct buffers, not arrays");
        }
        return buf;
    }

    /** Before a size, as OSU: writes message {@code sendSeed} to send and spoils the receive side for {@code recvSeed}. */
    void prepare(int n, long sendSeed, long recvSeed) {
        OsuData.fill(arrays ? MemorySegment.ofArray(sendArray) : MemorySegment.ofBuffer(send), n, sendSeed);
        spoilRecv(n, recvSeed);
    }

    /** Writes the complement of message {@code seed} where the received data goes. */
    void spoilRecv(int n, long seed) {
        OsuData.spoil(received(), n, seed);
    }

    /** How many of the first {@code n} received bytes differ from message {@code seed}. */
    long recvMismatches(int n, long seed) {
        return OsuData.mismatches(received(), n, seed);
    }

    private MemorySegment received() {
        return arrays ? MemorySegment.ofArray(recvArray) : MemorySegment.ofBuffer(recv);
    }
}
