package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.mpi.mpi_h;
import org.jmpi.bindings.ompi.OmpiHandles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Runtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * A nonblocking operation in flight ({@code MPI_Request}). It holds a reference to its
 * buffer until it completes, so a buffer of an automatic arena cannot be reclaimed under
 * it; closing an explicit arena before completion is reported when the request is
 * waited on. Completing twice, or using a request after {@link #close()}, is an
 * {@link IllegalStateException}.
 */
public final class Request implements AutoCloseable {
    private final MemorySegment slot;
    private Object buffer;
    private boolean done;

    Request(MemorySegment slot, Object buffer) {
        this.slot = slot;
        this.buffer = buffer;
    }

    /** A slot for MPI to write a request handle into. */
    static MemorySegment newSlot() {
        return Arena.ofAuto().allocate(ADDRESS);
    }

    /** Waits for completion ({@code MPI_Wait}), discarding the status. */
    public void waitFor() {
        waitFor(null);
    }

    /** Waits for completion ({@code MPI_Wait}) and fills {@code status} when not null. */
    public void waitFor(Status status) {
        checkPending();
        Errors.check(mpi_h.MPI_Wait(slot, status == null ? mpi_h.MPI_STATUS_IGNORE() : status.segment()),
                "MPI_Wait");
        completed();
    }

    /** Tests for completion ({@code MPI_Test}); true once the operation has completed. */
    public boolean test() {
        return test(null);
    }

    /** Tests for completion and fills {@code status} when it has completed. */
    public boolean test(Status status) {
        checkPending();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment flag = arena.allocate(JAVA_INT);
            Errors.check(mpi_h.MPI_Test(slot, flag,
                    status == null ? mpi_h.MPI_STATUS_IGNORE() : status.segment()), "MPI_Test");
            if (flag.get(JAVA_INT, 0) != 0) {
                completed();
                return true;
            }
            return false;
        }
    }

    /** Asks MPI to cancel the operation ({@code MPI_Cancel}); it must still be waited on. */
    public void cancel() {
        checkPending();
        Errors.check(mpi_h.MPI_Cancel(slot), "MPI_Cancel");
    }

    /** Whether the request has completed (by wait or test). */
    public boolean isDone() {
        return done;
    }

    /**
     * Waits for every request, in order, after checking that all are pending (the
     * effect of {@code MPI_Waitall}).
     */
    public static void waitAll(Request... requests) {
        Objects.requireNonNull(requests, "requests");
        for (int i = 0; i < requests.length; i++) {
            Objects.requireNonNull(requests[i], "requests[" + i + "]").checkPending();
        }
        for (Request r : requests) {
            r.waitFor();
        }
    }

    /**
     * Waits until one of the requests completes ({@code MPI_Waitany} semantics) and
     * returns its index; requests already completed are skipped.
     *
     * @throws IllegalArgumentException if no request is pending
     */
    public static int waitAny(Request... requests) {
        Objects.requireNonNull(requests, "requests");
        boolean pending = false;
        for (int i = 0; i < requests.length; i++) {
            pending |= !Objects.requireNonNull(requests[i], "requests[" + i + "]").done;
        }
        if (!pending) {
            throw new IllegalArgumentException("requests: none is pending");
        }
        while (true) {
            for (int i = 0; i < requests.length; i++) {
                if (!requests[i].done && requests[i].test()) {
                    return i;
                }
            }
            Thread.onSpinWait();
        }
    }

    private void checkPending() {
        Runtime.checkCall();
        if (done) {
            throw new IllegalStateException("request has already completed");
        }
        if (buffer instanceof MemorySegment seg && !seg.scope().isAlive()) {
            throw new IllegalStateException("the buffer's arena was closed before the request completed");
        }
    }

    private void completed() {
        done = true;
        buffer = null;
    }

    /**
     * Releases a request that will not be waited on ({@code MPI_Request_free}); a no-op
     * once it has completed.
     */
    @Override
    public void close() {
        if (done) {
            return;
        }
        Runtime.checkCall();
        if (slot.get(ADDRESS, 0).address() != OmpiHandles.REQUEST_NULL.address()) {
            Errors.check(mpi_h.MPI_Request_free(slot), "MPI_Request_free");
        }
        completed();
    }
}
