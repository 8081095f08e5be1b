package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Staging;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * One collective call on its way to MPI, blocking or nonblocking: it gives MPI native
 * memory for each side, copies count, displacement and datatype arrays to native memory
 * and finishes the call.
 *
 * <p>Native segments are passed as they are. Arrays and heap segments are never seen by
 * MPI: a blocking call stages them in this thread's native staging memory ({@link Staging},
 * at most two sides, slots 0 and 1), copied in before the call and out after it; a
 * nonblocking call copies them to native memory its request owns and the request copies
 * what MPI wrote back when it completes ({@link Request#copyingBack}). A blocking call on a
 * virtual thread goes through the nonblocking form and polls it (see {@link Polling}),
 * staged like a blocking call. Blocking, the argument arrays live in a confined arena
 * closed when the call returns; nonblocking, in a shared arena handed to the request,
 * which closes it on completion (closed here instead if the call fails).
 */
final class Launch implements AutoCloseable {
    /** Whether the native call is the nonblocking form (also for a blocking call that polls). */
    final boolean nonblocking;
    private final boolean polled;
    private Arena arena;
    private Request request;
    private Op op;
    /** Staged sides of a blocking or polled call, by slot. */
    private int sides;
    private final Object[] bases = new Object[Staging.SLOTS];
    private final long[] ats = new long[Staging.SLOTS];
    private final long[] bytes = new long[Staging.SLOTS];
    private final MemorySegment[] staged = new MemorySegment[Staging.SLOTS];
    private final boolean[] written = new boolean[Staging.SLOTS];
    /** Nonblocking: the native segments the request keeps reachable, and the heap copies it writes back. */
    private List<MemorySegment> held;
    private List<MemorySegment[]> back;

    /** A launch of the nonblocking form ({@code nonblocking}) or of the blocking one. */
    Launch(boolean nonblocking) {
        this.polled = !nonblocking && Polling.needed();
        this.nonblocking = nonblocking || polled;
    }

    /**
     * The pointer MPI gets for {@code count} elements of {@code type} from byte
     * {@code offset} of {@code base}: NULL for null, {@code MPI_IN_PLACE} for the sentinel.
     * {@code read}: MPI reads them; {@code written}: MPI writes them (all of their data
     * unless the type has gaps, so heap memory is copied in for a write only then).
     */
    MemorySegment side(Object base, long offset, long count, Datatype type, boolean read, boolean written) {
        if (base == null || base == Args.IN_PLACE) {
            return Launch.mpi((MemorySegment) base);
        }
        long lead = -Blocks.first(count, type);
        long span = lead + Buffers.span(count, type);
        MemorySegment b = region(base, offset - lead, span, read || written && P2p.copyIn(span, type), written);
        return lead == 0 ? b : b.asSlice(lead);
    }

    /** {@link #side} of {@code count} elements of a {@code Buf}'s datatype from its offset; NULL for null. */
    MemorySegment side(Buf buf, long count, boolean read, boolean written) {
        return buf == null ? MemorySegment.NULL : side(buf.base(), buf.offset(), count, buf.type(), read, written);
    }

    /**
     * The pointer MPI gets for {@code size} bytes from byte {@code offset} of {@code base}
     * (checked): native memory as it is, heap memory staged, copied in when {@code copyIn}
     * and back after the call when {@code written}.
     */
    MemorySegment region(Object base, long offset, long size, boolean copyIn, boolean written) {
        if (base instanceof MemorySegment seg && seg.isNative()) {
            if (nonblocking && !polled) {
                if (held == null) {
                    held = new ArrayList<>(2);
                }
                held.add(seg);
            }
            return offset == 0 ? seg : seg.asSlice(offset);
        }
        if (nonblocking && !polled) {
            MemorySegment heap = Msg.at(base, offset).asSlice(0, size);
            MemorySegment copy = arena().allocate(Math.max(1, size), 16);
            if (copyIn) {
                Staging.copy(heap, copy, size);
            }
            if (written) {
                if (back == null) {
                    back = new ArrayList<>(2);
                }
                back.add(new MemorySegment[] {copy, heap});
            }
            return copy;
        }
        int slot = sides++;
        MemorySegment b = Staging.in(base, offset, size, slot, copyIn);
        bases[slot] = base;
        ats[slot] = offset;
        bytes[slot] = size;
        staged[slot] = b;
        this.written[slot] = written;
        return b;
    }

    /** The pointer MPI gets for a side: {@code MPI_IN_PLACE} for the sentinel, NULL for null. */
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
     * Finishes the call named {@code call} (its blocking name): checks {@code rc};
     * blocking, runs {@code op}'s after-reduction hook, copies the staged sides MPI wrote
     * back and returns null; nonblocking, returns the started request, which keeps the
     * native sides reachable, copies heap sides back and runs the hook when it completes.
     */
    Request done(int rc, String call, Op op) {
        if (!nonblocking) {
            if (op != null) {
                op.afterReduction();
            }
            Errors.check(rc, call);
            copyOut();
            return null;
        }
        Errors.check(rc, "MPI_I" + Character.toLowerCase(call.charAt(4)) + call.substring(5));
        MemorySegment[] keep = held == null ? new MemorySegment[0] : held.toArray(new MemorySegment[0]);
        if (polled) {
            request.startedCollective(keep, null).reducing(op).waitFor();
            copyOut();
            return null;
        }
        if (back != null) {
            request.copyingBack(back.toArray(new MemorySegment[0][]));
        }
        Request r = request.startedCollective(keep, arena).reducing(op).holding(this.op);
        arena = null;
        this.op = null;
        return r;
    }

    private void copyOut() {
        for (int i = 0; i < sides; i++) {
            if (written[i]) {
                Staging.out(staged[i], bases[i], ats[i], bytes[i]);
            }
        }
    }

    /** Gives back the staging memory, closes the arena and releases the op unless a started request owns them. */
    @Override
    public void close() {
        for (int i = 0; i < sides; i++) {
            Staging.release(staged[i], bases[i], i);
        }
        if (op != null) {
            op.release();
        }
        if (arena != null) {
            arena.close();
        }
    }
}
