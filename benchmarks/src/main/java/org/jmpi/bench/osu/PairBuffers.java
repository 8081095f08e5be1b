package org.jmpi.bench.osu;

import java.lang.foreign.MemorySegment;

import org.jmpi.Buf;
import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Request;
import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuRun;

/**
 * The send and receive buffers of the two-rank programs (latency, bw, bibw), and the
 * calls that move them: native segments aligned like OSU's ({@code -b segment}, passed
 * as {@code MPI_CHAR} like OSU's), or Java {@code byte[]}s ({@code -b array}, passed
 * through jmpi's array calls as {@code MPI_INT8_T}).
 *
 * <p>With arrays every call takes the array itself, as a program holding its data in
 * arrays writes it: the blocking calls stage it in per-thread native memory, and each
 * isend copies its message into native memory its request owns when it starts, each
 * irecv copies its message back into the array when it completes. The programs time
 * those copies, once per message, because it is what such a program pays.
 */
final class PairBuffers {
    private final Comm world;
    private final boolean arrays;
    /** The native buffers, with segments; null with arrays. */
    private final MemorySegment send;
    private final MemorySegment recv;
    private final byte[] sendArray;
    private final byte[] recvArray;

    /** Buffers of {@code bytes} each, of the run's buffer kind. */
    PairBuffers(OsuRun run, long bytes) {
        this.world = run.world();
        this.arrays = run.arrays();
        this.send = arrays ? null : run.allocate(bytes);
        this.recv = arrays ? null : run.allocate(bytes);
        this.sendArray = arrays ? new byte[Math.toIntExact(bytes)] : null;
        this.recvArray = arrays ? new byte[Math.toIntExact(bytes)] : null;
    }

    /** Blocking send of the first {@code n} bytes ({@code MPI_Send}). */
    void send(int n, int dest, int tag) {
        if (arrays) {
            world.send(Buf.of(sendArray, 0, n), dest, tag);
        } else {
            world.send(send, n, Datatype.CHAR, dest, tag);
        }
    }

    /** Blocking receive of {@code n} bytes ({@code MPI_Recv}), the status ignored. */
    void recv(int n, int source, int tag) {
        if (arrays) {
            world.recv(Buf.of(recvArray, 0, n), source, tag, null);
        } else {
            world.recv(recv, n, Datatype.CHAR, source, tag, null);
        }
    }

    /** Starts a send of the first {@code n} bytes into {@code request} ({@code MPI_Isend}). */
    void isend(int n, int dest, int tag, Request request) {
        if (arrays) {
            world.isend(Buf.of(sendArray, 0, n), dest, tag, request);
        } else {
            world.isend(send, n, Datatype.CHAR, dest, tag, request);
        }
    }

    /** Starts a receive of {@code n} bytes into {@code request} ({@code MPI_Irecv}). */
    void irecv(int n, int source, int tag, Request request) {
        if (arrays) {
            world.irecv(Buf.of(recvArray, 0, n), source, tag, request);
        } else {
            world.irecv(recv, n, Datatype.CHAR, source, tag, request);
        }
    }

    /** Before a size, as OSU: writes message {@code sendSeed} to send and spoils the receive side for {@code recvSeed}. */
    void prepare(int n, long sendSeed, long recvSeed) {
        OsuData.fill(arrays ? MemorySegment.ofArray(sendArray) : send, n, sendSeed);
        spoilRecv(n, recvSeed);
    }

    /** Writes the complement of message {@code seed} where the received data goes. */
    void spoilRecv(int n, long seed) {
        OsuData.spoil(arrays ? MemorySegment.ofArray(recvArray) : recv, n, seed);
    }

    /** How many of the first {@code n} received bytes differ from message {@code seed}. */
    long recvMismatches(int n, long seed) {
        return OsuData.mismatches(arrays ? MemorySegment.ofArray(recvArray) : recv, n, seed);
    }
}
