package org.jmpi.bench.osu;

import java.lang.foreign.MemorySegment;

import org.jmpi.Buf;
import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Request;
import org.jmpi.bench.OsuData;
import org.jmpi.bench.OsuRun;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The send and receive buffers of the two-rank programs (latency, bw, bibw), and the
 * calls that move them: native segments aligned like OSU's ({@code -b segment}, passed
 * as {@code MPI_CHAR} like OSU's), or Java {@code byte[]}s ({@code -b array}, passed
 * through jmpi's array overloads as {@code MPI_INT8_T}, staged in native memory per thread).
 *
 * <p>jmpi's nonblocking calls refuse heap memory (a heap array may move before the
 * operation completes). With arrays, the nonblocking calls therefore go through native
 * staging segments: {@link #stageSend} copies the array in before a window of isends and
 * {@link #unstageRecv} copies the data out after a window of irecvs. The programs do it
 * inside the timed loop, once per window, because it is what a program holding its data
 * in arrays pays.
 */
final class PairBuffers {
    private final Comm world;
    private final boolean arrays;
    /** The native buffers: the data itself with segments, the staging copies with arrays. */
    private final MemorySegment send;
    private final MemorySegment recv;
    private final byte[] sendArray;
    private final byte[] recvArray;

    /** Buffers of {@code bytes} each, of the run's buffer kind. */
    PairBuffers(OsuRun run, long bytes) {
        this.world = run.world();
        this.arrays = run.arrays();
        this.send = run.allocate(bytes);
        this.recv = run.allocate(bytes);
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

    /** Starts a send of the first {@code n} bytes of the native send buffer into {@code request}. */
    void isend(int n, int dest, int tag, Request request) {
        world.isend(send, n, Datatype.CHAR, dest, tag, request);
    }

    /** Starts a receive of {@code n} bytes into the native receive buffer. */
    void irecv(int n, int source, int tag, Request request) {
        world.irecv(recv, n, Datatype.CHAR, source, tag, request);
    }

    /** With arrays, copies the first {@code n} bytes of the send array into the native send buffer. */
    void stageSend(int n) {
        if (arrays) {
            MemorySegment.copy(sendArray, 0, send, JAVA_BYTE, 0, n);
        }
    }

    /** With arrays, copies the first {@code n} bytes of the native receive buffer into the receive array. */
    void unstageRecv(int n) {
        if (arrays) {
            MemorySegment.copy(recv, JAVA_BYTE, 0, recvArray, 0, n);
        }
    }

    /** Before a size, as OSU: writes message {@code sendSeed} to send and spoils the receive side for {@code recvSeed}. */
    void prepare(int n, long sendSeed, long recvSeed) {
        OsuData.fill(arrays ? MemorySegment.ofArray(sendArray) : send, n, sendSeed);
        spoilRecv(n, recvSeed);
    }

    /** Writes the complement of message {@code seed} wherever received data passes (array and staging). */
    void spoilRecv(int n, long seed) {
        OsuData.spoil(recv, n, seed);
        if (arrays) {
            OsuData.spoil(MemorySegment.ofArray(recvArray), n, seed);
        }
    }

    /** How many of the first {@code n} received bytes (in the array, with arrays) differ from message {@code seed}. */
    long recvMismatches(int n, long seed) {
        return OsuData.mismatches(arrays ? MemorySegment.ofArray(recvArray) : recv, n, seed);
    }
}
