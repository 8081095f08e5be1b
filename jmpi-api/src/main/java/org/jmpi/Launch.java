package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One collective call on its way to MPI, blocking or nonblocking. It checks buffers for
 * the mode, copies count, displacement and datatype arrays to native memory and finishes
 * the call. Blocking, those arrays live in a confined arena closed when the call returns;
 * nonblocking, in a shared arena handed to the request, which closes it on completion
 * (closed here instead if the call fails). A blocking call on a virtual thread goes
 * through the nonblocking form and polls it (see {@link Polling}); the heap segments it
 * may take are staged in native memory and copied back when it completes.
 */
final class Launch implements AutoCloseable {
    /** Whether the native call is the nonblocking form (also for a blocking call that polls). */
    final boolean nonblocking;
    private final boolean polled;
    private final boolean heapOk;
    private final List<MemorySegment[]> staged = new ArrayList<>();
    private Arena arena;
    private Request request;
    private Op op;

    /** A launch; {@code heapOk} lets a blocking call take heap segments (staged in native memory for the call). */
    Launch(boolean nonblocking, boolean heapOk) {
        this.polled = !nonblocking && Polling.needed();
        this.nonblocking = nonblocking || polled;
        this.heapOk = heapOk && !nonblocking;
    }

    /** A buffer MPI reads: usable, not IN_PLACE, and native unless this call may pin heap arrays. */
    MemorySegment in(MemorySegment seg, String arg) {
        return mode(Args.segment(seg, arg), arg, false);
    }

    /** A buffer MPI writes: as {@link #in} and not read-only. */
    MemorySegment out(MemorySegment seg, String arg) {
        return mode(Args.writable(seg, arg), arg, true);
    }

    /** {@link #out} when MPI writes the buffer, else {@link #in}. */
    MemorySegment buffer(boolean written, MemorySegment seg, String arg) {
        return written ? out(seg, arg) : in(seg, arg);
    }

    private MemorySegment mode(MemorySegment seg, String arg, boolean written) {
        if (nonblocking && !polled) {
            return P2p.nativeOnly(seg, arg);
        }
        if (!heapOk && !seg.isNative()) {
            throw new IllegalArgumentException(arg + ": this collective takes a native segment only (bcast, reduce"
                    + " and allreduce also take heap arrays); copy the array to an Arena-allocated segment");
        }
        return polled ? stage(seg, written) : seg;
    }

    /** A heap segment of a polled call in native memory, remembered for copying back if MPI writes it. */
    private MemorySegment stage(MemorySegment seg, boolean written) {
        for (MemorySegment[] pair : staged) {
            if (pair[0] == seg) {
                pair[2] = written ? seg : pair[2];
                return pair[1];
            }
        }
        MemorySegment copy = Polling.staged(seg, arena());
        if (copy != seg) {
            staged.add(new MemorySegment[] {seg, copy, written ? seg : null});
        }
        return copy;
    }

    /**
     * The pointer MPI gets for a buffer argument: {@code MPI_IN_PLACE} for the sentinel,
     * NULL for null, the native stage of a heap segment of a polled call.
     */
    MemorySegment arg(MemorySegment seg) {
        for (MemorySegment[] pair : staged) {
            if (pair[0] == seg) {
                return pair[1];
            }
        }
        return mpi(seg);
    }

    /** Whether a blocking call must go through the heap-access downcall. */
    static boolean onHeap(MemorySegment a, MemorySegment b) {
        return !a.isNative() || !b.isNative();
    }

    /** The pointer MPI gets for a buffer argument: {@code MPI_IN_PLACE} for the sentinel, NULL for null. */
    static MemorySegment mpi(MemorySegment seg) {
        return seg == null ? MemorySegment.NULL : seg == Args.IN_PLACE ? MpiCalls.MPI_IN_PLACE() : seg;
    }

    /** A native copy of {@code seg} that lives as long as the call. */
    MemorySegment copy(MemorySegment seg) {
        return arena().allocate(seg.byteSize(), 16).copyFrom(seg);
    }

    /** {@code values} in native memory that lives as long as the call; NULL for null. */
    MemorySegment ints(int[] values) {
        return values == null ? MemorySegment.NULL : arena().allocateFrom(JAVA_INT, values);
    }

    /** {@code values} widened to {@code MPI_Aint} in native memory that lives as long as the call. */
    MemorySegment aints(int[] values) {
        MemorySegment s = arena().allocate(JAVA_LONG, values.length);
        for (int i = 0; i < values.length; i++) {
            s.setAtIndex(JAVA_LONG, i, values[i]);
        }
        return s;
    }

    /** The handles of {@code types} in native memory that lives as long as the call. */
    MemorySegment handles(Datatype[] types) {
        MemorySegment s = Abi.allocateHandles(arena(), types.length);
        for (int i = 0; i < types.length; i++) {
            Abi.setHandle(s, i, types[i].handle());
        }
        return s;
    }

    private Arena arena() {
        if (arena == null) {
            arena = nonblocking && !polled ? Arena.ofShared() : Arena.ofConfined();
        }
        return arena;
    }

    /**
     * The handle of the reduction op {@code op}, which stays in use (so it cannot be
     * closed) until this call returns or, nonblocking, its request completes.
     */
    MemorySegment op(Op op) {
        MemorySegment h = op.acquire();
        this.op = op;
        return h;
    }

    /** The request slot for the nonblocking call. */
    MemorySegment slot() {
        request = new Request();
        return request.slot;
    }

    /**
     * Finishes the call named {@code call} (its blocking name): checks {@code rc}; blocking,
     * runs {@code op}'s after-reduction hook and returns null; nonblocking, returns the
     * started request holding {@code buffers}, which runs the hook when it completes.
     */
    Request done(int rc, String call, Op op, MemorySegment... buffers) {
        if (!nonblocking) {
            if (op != null) {
                op.afterReduction();
            }
            Errors.check(rc, call);
            return null;
        }
        Errors.check(rc, "MPI_I" + Character.toLowerCase(call.charAt(4)) + call.substring(5));
        if (polled) {
            request.startedCollective(buffers, null).reducing(op).waitFor();
            for (MemorySegment[] pair : staged) {
                if (pair[2] != null) {
                    Polling.unstage(pair[1], pair[2]);
                }
            }
            return null;
        }
        Request r = request.startedCollective(buffers, arena).reducing(op).holding(this.op);
        arena = null;
        this.op = null;
        return r;
    }

    /** Closes the arena and releases the op unless a started request owns them. */
    @Override
    public void close() {
        if (op != null) {
            op.release();
        }
        if (arena != null) {
            arena.close();
        }
    }
}
