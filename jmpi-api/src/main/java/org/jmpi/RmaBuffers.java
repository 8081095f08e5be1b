package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.internal.Args;
import org.jmpi.internal.Staging;

/**
 * The buffers of one one-sided call (origin, compare, result), as MPI gets them. A native
 * segment is passed as is. An array or heap segment is never given to MPI, since it may
 * move before the call completes: it is copied to native memory (an origin's data, or a
 * result's former contents where MPI may leave some of them), and a result's copy is
 * copied back into the array when the call completes. Completion is the synchronization
 * that ends the call ({@link WinHolds}: the copy is {@code malloc}ed and freed then) or,
 * for a request-based call, the request's completion (the copy lives in an automatic
 * arena the request holds, and {@link Request#copyingBack} copies the result).
 */
final class RmaBuffers {
    private final Request request;
    private final MemorySegment[] given = new MemorySegment[3];
    private final Object[] bases = new Object[3];
    private final long[] offsets = new long[3];
    private final long[] spans = new long[3];
    private final boolean[] results = new boolean[3];
    private int count;

    /** The buffers of a call completed by a synchronization ({@code request == null}) or by {@code request}. */
    RmaBuffers(Request request) {
        this.request = request;
    }

    /**
     * The memory MPI gets for {@code span} bytes at {@code at} in {@code base} (a segment or
     * an array): the native segment itself or a native copy. {@code result}: MPI writes it,
     * so a copy goes back into {@code base} when the call completes. {@code type} tells
     * whether MPI writes every byte of the span (dense) or leaves gaps a copy must keep.
     */
    MemorySegment add(Object base, long at, long span, boolean result, Datatype type) {
        MemorySegment seg;
        if (NativeCopy.isNative(base)) {
            seg = Msg.at(base, at);
        } else {
            boolean copyIn = !result || P2p.copyIn(span, type);
            seg = NativeCopy.of(base, at, span, copyIn, request == null ? null : Arena.ofAuto());
        }
        given[count] = seg;
        bases[count] = base;
        offsets[count] = at;
        spans[count] = span;
        results[count++] = result;
        return seg;
    }

    /**
     * After a successful native call: the request, started on the buffers (copying results
     * back when it completes), or null after handing the buffers to the window until the
     * synchronization that completes the call on {@code target}. A call to
     * {@code PROC_NULL} completes at once: its copies are freed.
     */
    Request started(Win w, int target) {
        if (request != null) {
            MemorySegment[][] back = new MemorySegment[count][];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (results[i] && !NativeCopy.isNative(bases[i])) {
                    back[n++] = NativeCopy.back(given[i], bases[i], offsets[i], spans[i]);
                }
            }
            if (n > 0) {
                request.copyingBack(Arrays.copyOf(back, n));
            }
            return request.startedOneSided(count == 1 ? given[0] : Arrays.copyOf(given, count));
        }
        if (target == Args.PROC_NULL) {
            failed();
            return null;
        }
        for (int i = 0; i < count; i++) {
            if (NativeCopy.isNative(bases[i])) {
                w.holds.hold(target, given[i]);
            } else {
                w.holds.holdCopy(target, given[i], results[i] ? bases[i] : null, offsets[i], spans[i]);
            }
        }
        return null;
    }

    /** After a failed native call (or one to PROC_NULL): frees the {@code malloc}ed copies. */
    void failed() {
        if (request == null) {
            for (int i = 0; i < count; i++) {
                if (!NativeCopy.isNative(bases[i])) {
                    Staging.free(given[i]);
                }
            }
        }
        count = 0;
    }
}
