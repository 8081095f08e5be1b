package org.jmpi;

import java.nio.file.Path;

/**
 * Java twin of {@code jmpi-api/src/main/c/io_twin.c}, run by {@link IoTwinTest} under
 * mpirun with the same arguments ({@code write|read FILE N B}) and the same output: every
 * rank's N ints, {@code rank * 1000000 + i}, in blocks of B interleaved by rank through a
 * strided view.
 */
public final class IoTwin {
    private IoTwin() {
    }

    static int value(int rank, int i) {
        return rank * 1_000_000 + i;
    }

    /** Runs the twin; exits 1 when a value read back is wrong, 2 on bad arguments. */
    public static void main(String[] args) {
        if (args.length != 4 || !(args[0].equals("write") || args[0].equals("read"))) {
            System.err.println("usage: IoTwin write|read FILE N B");
            System.exit(2);
        }
        boolean writing = args[0].equals("write");
        Path path = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        int b = Integer.parseInt(args[3]);
        int errors;
        int size;
        try (Mpi mpi = Mpi.init()) {
            Comm world = mpi.world();
            size = world.size();
            int[] bad = {run(world, path, writing, n, b)};
            world.allreduce(bad, Op.SUM);
            errors = bad[0];
            if (world.rank() == 0) {
                System.out.printf("%s %d ints in blocks of %d from %d ranks: %s%n", writing ? "wrote" : "checked",
                        (long) n * size, b, size, errors == 0 ? "ok" : "MISMATCH");
            }
        }
        System.exit(errors == 0 ? 0 : 1);
    }

    private static int run(Comm world, Path path, boolean writing, int n, int b) {
        int rank = world.rank();
        int size = world.size();
        int[] mine = new int[n];
        int bad = 0;
        try (Datatype blocks = Datatype.vector(n / b, b, b * size, Datatype.INT);
             Datatype strided = Datatype.resized(0, (long) n * size * 4, blocks);
             MpiFile f = writing ? MpiFile.open(world, path, FileMode.WRONLY, FileMode.CREATE)
                     : MpiFile.open(world, path, FileMode.RDONLY)) {
            f.setView((long) rank * b * 4, Datatype.INT, strided);
            if (writing) {
                for (int i = 0; i < n; i++) {
                    mine[i] = value(rank, i);
                }
                return f.writeAll(mine).count(Datatype.INT) == n ? 0 : 1;
            }
            bad += f.readAll(mine).count(Datatype.INT) == n ? 0 : 1;
            for (int i = 0; i < n; i++) {
                if (mine[i] != value(rank, i) && bad++ < 5) {
                    System.err.printf("IoTwin: rank %d int %d is %d, expected %d%n", rank, i, mine[i], value(rank, i));
                }
            }
            f.setView(0, Datatype.INT, Datatype.INT);
            if (rank == 0) {
                int[] all = new int[n * size];
                f.readAt(0, all);
                for (int k = 0; k < all.length; k++) {
                    int r = k / b % size;
                    int i = k / (b * size) * b + k % b;
                    if (all[k] != value(r, i) && bad++ < 5) {
                        System.err.printf("IoTwin: file int %d is %d, expected %d%n", k, all[k], value(r, i));
                    }
                }
            }
        }
        return bad;
    }
}
