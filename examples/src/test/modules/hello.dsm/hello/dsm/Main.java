package hello.dsm;

import org.jmpi.Mpi;
import org.jmpi.dsm.Distribution;
import org.jmpi.dsm.DsmContext;
import org.jmpi.dsm.GlobalLongArray;

/**
 * Every rank adds its rank + 1 to one counter of a global array, then each prints the
 * total, which needs native access for {@code org.jmpi.dsm} too (ModulePathTest runs it).
 */
public final class Main {
    private Main() {
    }

    /** Entry point of every rank. */
    public static void main(String[] args) {
        try (Mpi mpi = Mpi.init();
             DsmContext ctx = DsmContext.create(mpi.world());
             GlobalLongArray counter = GlobalLongArray.create(ctx, 1, Distribution.BLOCK)) {
            counter.fetchAdd(0, ctx.rank() + 1);
            counter.sync();
            System.out.print(String.format("dsm rank %d of %d: total %d%n", ctx.rank(), ctx.size(), counter.get(0)));
            System.out.flush();
            counter.sync();
        }
    }
}
