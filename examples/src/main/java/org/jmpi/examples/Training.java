package org.jmpi.examples;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.jmpi.Comm;
import org.jmpi.Datatype;
import org.jmpi.Mpi;
import org.jmpi.Op;
import org.jmpi.Request;
import org.jmpi.Status;

/**
 * The training run of jmpi's AOT cache ({@code native-scripts/aot-cache}, docs/startup.md):
 * one rank, started without a launcher, makes the calls most programs make first, each
 * {@value #ROUNDS} times on {@code MPI_COMM_SELF}, on native segments and on arrays
 * alike: blocking and nonblocking point-to-point, the small collectives and a matched
 * probe. The JDK records the classes this loads and links and the profiles of the
 * methods it runs (JEP 515), so a rank started with the cache links those calls at once
 * and compiles them from profiles that already saw every buffer kind. Prints one line.
 */
public final class Training {
    /** Rounds of each call: enough for the JIT to profile them. */
    static final int ROUNDS = 20_000;

    private Training() {
    }

    /** Entry point of the training rank. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init(); Arena arena = Arena.ofConfined()) {
            Comm self = mpi.self();
            MemorySegment out = arena.allocate(64, 8);
            MemorySegment in = arena.allocate(64, 8);
            long[] longsOut = new long[8];
            long[] longsIn = new long[8];
            byte[] bytesOut = new byte[8];
            byte[] bytesIn = new byte[8];
            Status status = new Status();
            Request send = new Request();
            Request recv = new Request();
            long sum = 0;
            for (int i = 0; i < ROUNDS; i++) {
                out.set(ValueLayout.JAVA_LONG, 0, i);
                longsOut[0] = i;
                self.sendrecv(out, Datatype.BYTE, 0, 1, in, Datatype.BYTE, 0, 1, status);
                self.sendrecv(longsOut, 0, 2, longsIn, 0, 2, status);
                self.irecv(in, 8, Datatype.INT8, 0, 3, recv);
                self.isend(out, 8, Datatype.INT8, 0, 3, send);
                Request.waitAll(recv, send);
                self.irecv(bytesIn, 0, 4, recv);
                self.isend(bytesOut, 0, 4, send);
                Request.waitAll(recv, send);
                self.allreduce(out, in, Datatype.INT64, Op.SUM);
                self.allreduce(longsOut, longsIn, Op.SUM);
                self.bcast(out, Datatype.INT64, 0);
                self.bcast(longsOut, 0);
                self.reduce(out, in, Datatype.INT64, Op.SUM, 0);
                self.barrier();
                sum += longsIn[0] + in.get(ValueLayout.JAVA_LONG, 0);
            }
            mpi.world().barrier();
            System.out.println("training: " + ROUNDS + " rounds on rank " + mpi.world().rank() + " (" + sum + ")");
        }
    }
}
