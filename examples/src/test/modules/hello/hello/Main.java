package hello;

import org.jmpi.Comm;
import org.jmpi.Mpi;
import org.jmpi.Op;

/**
 * Prints, on every rank, the rank, an allreduce, and what the module system says about
 * jmpi: {@code mpirun -np 2 java --module-path mods --enable-native-access=org.jmpi.bindings,org.jmpi
 * -m hello/hello.Main} (ModulePathTest compiles and runs it).
 */
public final class Main {
    private Main() {
    }

    /** Entry point of every rank. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init()) {
            Comm world = mpi.world();
            int[] sum = {world.rank() + 1};
            world.allreduce(sum, Op.SUM);
            Module jmpi = Mpi.class.getModule();
            // one write per line, so that the ranks' lines do not interleave
            System.out.print(String.format("hello rank %d of %d: sum %d, in %s, jmpi in %s, internal exported %b, args %s%n",
                    world.rank(), world.size(), sum[0], Main.class.getModule().getName(), jmpi.getName(),
                    jmpi.isExported("org.jmpi.internal"), String.join(",", args)));
            System.out.flush();
        }
    }
}
