package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The buffer for buffered sends ({@code MPI_Buffer_attach}), made by
 * {@link Mpi#attachBuffer}. At most one is attached per process. {@link #close()}
 * detaches it ({@code MPI_Buffer_detach}), which waits until every message buffered in
 * it has been delivered, and then frees its memory.
 */
public final class BsendBuffer implements AutoCloseable {
    /** {@code MPI_BSEND_OVERHEAD}: bytes of bookkeeping MPI needs per buffered message. */
    public static final int OVERHEAD = MpiCalls.MPI_BSEND_OVERHEAD();

    private static BsendBuffer attached;

    private final Arena arena;
    private final long size;
    private boolean detached;

    private BsendBuffer(Arena arena, long size) {
        this.arena = arena;
        this.size = size;
    }

    static synchronized BsendBuffer attach(long bytes) {
        MpiState.checkCall();
        if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bytes: " + bytes + " is not in [1, " + Integer.MAX_VALUE + "]");
        }
        if (attached != null) {
            throw new IllegalStateException("a buffer of " + attached.size + " bytes is already attached; close it first");
        }
        Arena arena = Arena.ofShared();
        MemorySegment memory = arena.allocate(bytes, 16);
        int rc = MpiCalls.MPI_Buffer_attach(memory, (int) bytes);
        if (rc != 0) {
            arena.close();
            throw Errors.exception(rc, "MPI_Buffer_attach");
        }
        attached = new BsendBuffer(arena, bytes);
        return attached;
    }

    /**
     * The bytes a buffered send of {@code count} elements of {@code type} needs in the
     * attached buffer: {@code MPI_Pack_size} plus {@link #OVERHEAD}.
     */
    public static long sizeFor(int count, Datatype type, Comm comm) {
        Objects.requireNonNull(type, "type");
        return Objects.requireNonNull(comm, "comm").packSize(count, type) + (long) OVERHEAD;
    }

    /** The size in bytes of this buffer. */
    public long size() {
        return size;
    }

    /** Detaches the buffer, waiting for its buffered messages to be delivered; then frees it. Idempotent. */
    @Override
    public void close() {
        synchronized (BsendBuffer.class) {
            if (detached) {
                return;
            }
            MpiState.checkCall();
            detachNow();
        }
    }

    /** Detaches before MPI_Finalize if the user has not; then frees the memory. */
    static synchronized void detachAtFinalize() {
        if (attached != null && !attached.detached) {
            attached.detachNow();
        }
    }

    private void detachNow() {
        try (Arena tmp = Arena.ofConfined()) {
            MemorySegment addr = tmp.allocate(ValueLayout.ADDRESS);
            MemorySegment len = tmp.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Buffer_detach(addr, len), "MPI_Buffer_detach");
        } finally {
            detached = true;
            attached = null;
            arena.close();
        }
    }
}
