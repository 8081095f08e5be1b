package hello;

import java.io.Serializable;

import org.jmpi.Comm;
import org.jmpi.Mpi;
import org.jmpi.ObjectCodec;
import org.jmpi.Op;
import org.jmpi.SerialFilter;
import org.jmpi.Win;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Prints, on every rank, the rank, an allreduce and what the module system says about
 * jmpi, then passes objects of this module's own (not exported, not open) classes to the
 * next rank: {@code mpirun -np 2 java --module-path mods
 * --enable-native-access=org.jmpi.bindings -m hello/hello.Main} (ModulePathTest
 * compiles and runs it).
 */
public final class Main {
    private Main() {
    }

    /** A record: allowed by the default filter, its components being allowed. */
    private record Greeting(int from, String text) implements Serializable {
    }

    /** A plain serializable class: the receiver allows it by name. */
    private static final class Tally implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int count;

        Tally(int count) {
            this.count = count;
        }

        @Override
        public String toString() {
            return "Tally[" + count + "]";
        }
    }

    /** Entry point of every rank. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init()) {
            Comm world = mpi.world();
            int rank = world.rank();
            int size = world.size();
            int[] sum = {rank + 1};
            world.allreduce(sum, Op.SUM);
            Module jmpi = Mpi.class.getModule();
            // one write per line, so that the ranks' lines do not interleave
            print(String.format("hello rank %d of %d: sum %d, in %s, jmpi in %s, internal exported %b, args %s",
                    rank, size, sum[0], Main.class.getModule().getName(), jmpi.getName(),
                    jmpi.isExported("org.jmpi.internal"), String.join(",", args)));
            int right = (rank + 1) % size;
            int left = (rank + size - 1) % size;
            Greeting greeting = world.sendrecvObject(new Greeting(rank, "hi from " + rank), right, 1, left, 1);
            Tally tally = world.withCodec(ObjectCodec.serialization(SerialFilter.defaults().allow(Tally.class)))
                    .sendrecvObject(new Tally(rank), right, 2, left, 2);
            print("objects rank " + rank + ": " + greeting + " " + tally);
            // A user-defined reduction (an upcall) and a window's memory (native memory MPI
            // hands back): both need native access, which only org.jmpi.bindings is granted.
            int[] largest = {rank * 7 % size};
            try (Op max = Op.create((in, inout, count, type) -> {
                for (int i = 0; i < count; i++) {
                    inout.setAtIndex(JAVA_INT, i, Math.max(in.getAtIndex(JAVA_INT, i), inout.getAtIndex(JAVA_INT, i)));
                }
            }, true); Win win = Win.allocate(world, Integer.BYTES, Integer.BYTES)) {
                world.allreduce(largest, max);
                win.memory().set(JAVA_INT, 0, 100 + rank);
                win.fence();
                int[] got = new int[1];
                win.get(got, right, 0);
                win.fence();
                print("native rank " + rank + ": user op max " + largest[0] + ", window of rank " + right + " holds "
                        + got[0]);
            }
        }
    }

    private static void print(String line) {
        System.out.print(line + System.lineSeparator());
        System.out.flush();
    }
}
