package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.mpi.mpi_h;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Runtime;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A communicator ({@code MPI_Comm}). Rank and size are read once and cached; every
 * call checks that MPI is running, the calling thread may call MPI and the
 * communicator has not been freed, before it goes native.
 */
public final class Comm implements AutoCloseable {
    private final MemorySegment handle;
    private final boolean predefined;
    private final int rank;
    private final int size;
    private final String label;
    private volatile boolean freed;

    private Comm(MemorySegment handle, boolean predefined, String label) {
        this.handle = handle;
        this.predefined = predefined;
        this.label = label;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, 2);
            Errors.check(mpi_h.MPI_Comm_rank(handle, out), "MPI_Comm_rank");
            Errors.check(mpi_h.MPI_Comm_size(handle, out.asSlice(4)), "MPI_Comm_size");
            this.rank = out.get(JAVA_INT, 0);
            this.size = out.get(JAVA_INT, 4);
        }
    }

    static Comm predefined(MemorySegment handle, String name) {
        return new Comm(handle, true, name);
    }

    /** This process's rank in the communicator ({@code MPI_Comm_rank}). */
    public int rank() {
        check();
        return rank;
    }

    /** The number of processes in the communicator ({@code MPI_Comm_size}). */
    public int size() {
        check();
        return size;
    }

    /** {@code MPI_Barrier}: returns once every process of the communicator has entered it. */
    public void barrier() {
        check();
        Errors.check(mpi_h.MPI_Barrier(handle), "MPI_Barrier");
    }

    /** The communicator's name ({@code MPI_Comm_get_name}). */
    public String name() {
        check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocate(mpi_h.MPI_MAX_OBJECT_NAME());
            MemorySegment len = arena.allocate(JAVA_INT);
            Errors.check(mpi_h.MPI_Comm_get_name(handle, name, len), "MPI_Comm_get_name");
            return name.getString(0);
        }
    }

    /** Whether this is a predefined communicator (world, self), which close() leaves alone. */
    public boolean isPredefined() {
        return predefined;
    }

    /**
     * Frees the communicator ({@code MPI_Comm_free}) exactly once; a no-op for the
     * predefined ones, which MPI_Finalize releases.
     */
    @Override
    public void close() {
        if (predefined || freed) {
            return;
        }
        Runtime.checkCall();
        synchronized (this) {
            if (freed) {
                return;
            }
            freed = true;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = arena.allocate(mpi_h.C_POINTER);
            h.set(mpi_h.C_POINTER, 0, handle);
            Errors.check(mpi_h.MPI_Comm_free(h), "MPI_Comm_free");
        }
    }

    private void check() {
        Runtime.checkCall();
        if (freed) {
            throw new IllegalStateException("communicator " + label + " has been freed");
        }
    }

    @Override
    public String toString() {
        return "Comm[" + label + ", rank " + rank + " of " + size + "]";
    }
}
