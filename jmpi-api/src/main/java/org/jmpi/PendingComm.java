package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.Handles;

/**
 * A communicator that a nonblocking call is still creating ({@link Comm#idup()}): MPI
 * hands out the new communicator when {@link #request()} completes. Wait for or test
 * the request like any other (also in {@link Request#waitAll} and through its future),
 * then take the communicator with {@link #get()}; {@link #waitFor()} does both.
 *
 * <pre>{@code
 * PendingComm pending = world.idup();
 * // ... overlap other work ...
 * try (Comm copy = pending.waitFor()) {
 *     copy.barrier();
 * }
 * }</pre>
 *
 * The communicator belongs to the caller from then on: close it when done. One taken
 * with {@link #get()} is the same object every time.
 */
public final class PendingComm {
    private final Request request;
    /** Where MPI writes the new handle; the request keeps it reachable until it completes. */
    private final MemorySegment out;
    private final String label;
    private Comm comm;

    PendingComm(Request request, MemorySegment out, String label) {
        this.request = request;
        this.out = out;
        this.label = label;
    }

    /** The request of the operation; the communicator exists once it has completed. */
    public Request request() {
        return request;
    }

    /**
     * The new communicator, once {@link #request()} has completed (by a wait, a test or its
     * future).
     *
     * @throws IllegalStateException while the request has not completed, or if the
     *                               operation failed and MPI gave no communicator
     */
    public synchronized Comm get() {
        if (comm == null) {
            int state = request.state;
            if (state != RequestState.COMPLETE && state != RequestState.FREED) {
                throw new IllegalStateException(label + ": has not completed; wait for request() (or test it)"
                        + " before taking the communicator");
            }
            if (Abi.getHandle(out).address() == Handles.COMM_NULL.address()) {
                throw new IllegalStateException(label + ": MPI gave no communicator (the operation failed)");
            }
            comm = Comm.created(out, label);
        }
        return comm;
    }

    /** Waits for {@link #request()} unless it has completed, then returns {@link #get()}. */
    public Comm waitFor() {
        int state = request.state;
        if (state != RequestState.COMPLETE && state != RequestState.FREED) {
            request.waitFor();
        }
        return get();
    }

    @Override
    public String toString() {
        return "PendingComm[" + label + (request.isDone() ? ", complete" : "") + "]";
    }
}
