package org.jmpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory every rank of a communicator uses for its MPI-IO tests: rank 0
 * creates it under {@code java.io.tmpdir} and broadcasts its path; {@link #close()}
 * waits for every rank (a barrier) and then rank 0 deletes the tree.
 */
final class SharedDir implements AutoCloseable {
    private final Comm comm;
    private final Path path;

    private SharedDir(Comm comm, Path path) {
        this.comm = comm;
        this.path = path;
    }

    /** Creates the directory on rank 0 of {@code comm} and tells every rank where it is; collective. */
    static SharedDir create(Comm comm) {
        byte[] name = new byte[0];
        if (comm.rank() == 0) {
            try {
                name = Files.createTempDirectory("jmpi-io-").toString().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        int[] length = {name.length};
        comm.bcast(length, 0);
        if (comm.rank() != 0) {
            name = new byte[length[0]];
        }
        comm.bcast(name, 0);
        return new SharedDir(comm, Path.of(new String(name, StandardCharsets.UTF_8)));
    }

    /** The path of {@code name} in the directory. */
    Path file(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() {
        comm.barrier();
        if (comm.rank() == 0) {
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
