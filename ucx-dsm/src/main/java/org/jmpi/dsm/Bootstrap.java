package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Op;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * Exchanges variable-length byte blocks over a communicator: an allreduce MAX of the
 * lengths, then an allgather of fixed-size blocks with a length prefix. A rank that
 * failed contributes a negative length, so every rank learns of the failure instead
 * of hanging. Not public API.
 */
final class Bootstrap {
    private Bootstrap() {
    }

    /** Every rank's block, in rank order; {@code mine == null} reports a local failure. */
    static byte[][] allgather(Comm comm, byte[] mine, String what) {
        int n = comm.size();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocate(JAVA_LONG, 2);
            long own = mine == null ? -1 : mine.length;
            len.set(JAVA_LONG, 0, own);
            len.set(JAVA_LONG, 8, -own);
            comm.allreduce(len, Datatype.INT64, Op.MAX);
            long max = len.get(JAVA_LONG, 0);
            boolean someoneFailed = len.get(JAVA_LONG, 8) > 0;
            if (someoneFailed) {
                throw new IllegalStateException(what + " failed on some rank");
            }
            long block = 8 + ((max + 7) & ~7L);
            MemorySegment send = arena.allocate(block, 8);
            send.set(JAVA_LONG, 0, own);
            MemorySegment.copy(MemorySegment.ofArray(mine), 0, send, 8, own);
            MemorySegment recv = arena.allocate(block * n, 8);
            comm.allgather(send, recv, Datatype.BYTE);
            byte[][] all = new byte[n][];
            for (int r = 0; r < n; r++) {
                long l = recv.get(JAVA_LONG, r * block);
                all[r] = recv.asSlice(r * block + 8, l).toArray(JAVA_BYTE);
            }
            return all;
        }
    }

    /** Every rank's {@code long} values (same count on every rank), rank-major. */
    static long[][] allgatherLongs(Comm comm, long[] mine, String what) {
        byte[] bytes = null;
        if (mine != null) {
            bytes = MemorySegment.ofArray(mine).toArray(JAVA_BYTE);
        }
        byte[][] all = allgather(comm, bytes, what);
        long[][] out = new long[all.length][];
        for (int r = 0; r < all.length; r++) {
            out[r] = MemorySegment.ofArray(all[r]).toArray(JAVA_LONG_UNALIGNED);
        }
        return out;
    }
}
