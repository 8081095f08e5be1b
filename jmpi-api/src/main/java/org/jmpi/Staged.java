package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Staging;

/**
 * The native copy of a nonblocking point-to-point message that lives in a Java array or
 * a heap segment. The array may move while the operation is pending, so MPI only ever
 * sees this copy, which the request owns: {@code malloc}'d, freed when a one-shot request
 * completes or a persistent one is closed (never by the garbage collector, which could
 * free it under a pending operation). A send copies its data in when it starts (each
 * {@link Request#start()} of a persistent send); a receive copies what arrived back when
 * it completes (each completion of a persistent receive), unless it failed or was
 * cancelled. The heap view held here keeps the array reachable until then. Unlike the
 * copies of {@link NativeCopy} (file and one-sided calls), it serves a persistent request
 * at every start, and a large receive copies back only the bytes that arrived.
 */
final class Staged {
    /** The message's memory from its first byte, on the heap. */
    private final MemorySegment heap;
    /** The native copy MPI gets. */
    final MemorySegment memory;
    private final long span;
    /** Whether MPI writes the memory (a receive). */
    final boolean receive;
    /**
     * Whether a receive copies all of its span in at the start and back at completion
     * (small buffers, and types whose gaps MPI leaves alone), rather than copying back
     * only the bytes that arrived.
     */
    private final boolean whole;

    private Staged(MemorySegment heap, long span, boolean receive, boolean whole) {
        this.heap = heap;
        this.span = span;
        this.receive = receive;
        this.whole = whole;
        this.memory = Staging.allocate(span);
    }

    /**
     * The native copy of the {@code span} bytes from {@code offset} in {@code base} (an
     * array or a segment) for a send or a receive of {@code type}; null when {@code base}
     * is a native segment, which MPI gets as is.
     */
    static Staged of(Object base, long offset, long span, Datatype type, boolean receive) {
        if (NativeCopy.isNative(base)) {
            return null;
        }
        return new Staged(Msg.at(base, offset), span, receive, !receive || P2p.copyIn(span, type));
    }

    /** At each start: a send copies its data in; a receive that copies back all of its span, the former contents. */
    void begin() {
        if (whole) {
            Staging.copy(heap, memory, span);
        }
    }

    /**
     * At a successful completion that was not cancelled: a receive copies back what
     * arrived, read from its status {@code st} at byte {@code at} when not all of the span
     * goes back.
     */
    void end(MemorySegment st, long at) {
        if (receive) {
            long bytes = whole ? span : P2p.received(at == 0 ? st : st.asSlice(at));
            Staging.copy(memory, heap, Math.min(bytes, span));
        }
    }

    /** Frees the native copy; once. */
    void free() {
        Staging.free(memory);
    }
}
