package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;

import org.jmpi.bindings.ucx.ucp_h;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The puts and gets of a {@link Window}: blocking and nonblocking, of segments and Java
 * arrays, and of single aligned words. A mapped peer's part is reached by plain copies
 * (no lock: the mapping's arena closes before the memory goes); anything else by
 * {@code ucp_put_nbx}/{@code ucp_get_nbx} in a native section. Heap data moves through a
 * native staging buffer: the thread's own for blocking calls (nothing allocated up to
 * {@link CallScratch#KEPT_STAGING}), a malloc'd one owned by the request for nonblocking
 * ones. Not public API.
 */
final class Transfers extends WindowPart {
    /** The largest piece of a put or get copied at once (about 0.1 ms; see {@link #exchange}). */
    static final long COPY_CHUNK = 1L << 20;
    private static final VarHandle LONG = JAVA_LONG.varHandle();
    private static final VarHandle INT = JAVA_INT.varHandle();

    Transfers(Window window) {
        super(window);
    }

    /**
     * A blocking put of {@code data} to, or get into it from, {@code rank}'s part at
     * {@code disp}: {@code count} elements from element {@code offset}, or all of
     * {@code data} when {@code count} is negative. Returns when {@code data} may be reused
     * (put) or holds the data (get).
     */
    void blocking(boolean put, Object data, long offset, long count, int rank, long disp) {
        ValueLayout element = UserBuffers.parse(data, !put, put ? "src" : "dst");
        long len = checked(put, data, element, offset, count, rank, disp);
        long from = offset * UserBuffers.unit(element);
        MemorySegment d = keys.direct[rank];
        if (d != null) {
            copyDirect(put, d, disp, data, element, from, len);
            return;
        }
        window.begin();
        try {
            viaUcp(put, rank, disp, data, element, from, len);
        } finally {
            ctx.exit();
        }
    }

    /** Starts a put or get as {@link #blocking} does; the request completes it. */
    DsmRequest start(boolean put, Object data, long offset, long count, int rank, long disp) {
        ValueLayout element = UserBuffers.parse(data, !put, put ? "src" : "dst");
        long len = checked(put, data, element, offset, count, rank, disp);
        MemorySegment seg = element == null && count < 0 ? (MemorySegment) data
                : UserBuffers.heapSegment(data).asSlice(offset * UserBuffers.unit(element), len);
        window.begin();
        try {
            return startOn(put, rank, disp, seg);
        } finally {
            ctx.exit();
        }
    }

    /**
     * The bytes of {@code count} elements of {@code data} from element {@code offset} (all of
     * it when {@code count} is negative), checked to lie inside {@code data} and inside
     * {@code rank}'s part at {@code disp}.
     */
    private long checked(boolean put, Object data, ValueLayout element, long offset, long count, int rank,
                         long disp) {
        long length = UserBuffers.length(data, element);
        long n = count < 0 ? length : count;
        UserBuffers.checkRange(length, offset, n, put ? "src" : "dst");
        long len = n * UserBuffers.unit(element);
        keys.checkAccess(rank, disp, len);
        return len;
    }

    private void viaUcp(boolean put, int rank, long disp, Object data, ValueLayout element, long from, long len) {
        if (len == 0) {
            return;
        }
        if (element == null && ((MemorySegment) data).isNative()) {
            MemorySegment seg = (MemorySegment) data;
            transfer(put, rank, disp, from == 0 ? seg : seg.asSlice(from, len), len);
        } else if (len <= CallScratch.KEPT_STAGING) {
            staged(put, rank, disp, data, element, from, len, CallScratch.get().staging(len));
        } else {
            try (Arena arena = Arena.ofConfined()) {
                staged(put, rank, disp, data, element, from, len, arena.allocate(len, 8));
            }
        }
    }

    private void staged(boolean put, int rank, long disp, Object data, ValueLayout element, long from, long len,
                        MemorySegment buf) {
        if (put) {
            exchange(true, buf, 0, data, element, from, len);
        }
        transfer(put, rank, disp, buf, len);
        if (!put) {
            exchange(false, buf, 0, data, element, from, len);
        }
    }

    /**
     * A blocking put or get on a mapped peer's memory: a plain copy, without the context's
     * lock. The mapping is a segment of the window's shared arena, which closes before the
     * memory is unmapped, so a copy racing with close fails with an IllegalStateException
     * instead of touching unmapped memory.
     */
    private void copyDirect(boolean put, MemorySegment d, long disp, Object data, ValueLayout element, long from,
                            long len) {
        if (window.isClosed() || ctx.isClosed()) {
            throw new IllegalStateException("window is closed");
        }
        if (len == 0) {
            return;
        }
        try {
            exchange(put, d, disp, data, element, from, len);
        } catch (IllegalStateException e) {
            if (window.isClosed()) {
                throw new IllegalStateException("window is closed", e);
            }
            throw e;
        }
    }

    /**
     * Copies {@code len} bytes of the user's {@code data} (a segment when {@code element}
     * is null, else an array of {@code element}s), from its byte {@code from}, into native
     * {@code memory} at {@code at} ({@code in}), or out of it. In pieces of at most
     * {@link #COPY_CHUNK} bytes: a copy involving the heap runs without a safepoint check,
     * so a large one in one piece would hold back every garbage collection of the JVM.
     */
    static void exchange(boolean in, MemorySegment memory, long at, Object data, ValueLayout element, long from,
                         long len) {
        long unit = UserBuffers.unit(element);
        for (long done = 0; done < len; done += COPY_CHUNK) {
            long n = Math.min(COPY_CHUNK, len - done);
            if (element == null) {
                MemorySegment seg = (MemorySegment) data;
                if (in) {
                    MemorySegment.copy(seg, from + done, memory, at + done, n);
                } else {
                    MemorySegment.copy(memory, at + done, seg, from + done, n);
                }
            } else {
                int first = (int) ((from + done) / unit);
                int count = (int) (n / unit);
                if (in) {
                    MemorySegment.copy(data, first, memory, element, at + done, count);
                } else {
                    MemorySegment.copy(memory, element, at + done, data, first, count);
                }
            }
        }
    }

    /** {@code ucp_put_nbx} or {@code ucp_get_nbx} of the first {@code len} bytes of native {@code buf}, waited for. */
    private void transfer(boolean put, int rank, long disp, MemorySegment buf, long len) {
        long remote = keys.bases[rank] + disp;
        if (put) {
            Ucx.await(ctx.worker(), ucp_h.ucp_put_nbx(ctx.ep(rank), buf, len, remote, keys.rkeys[rank],
                    CallScratch.NO_PARAMS), "ucp_put_nbx");
        } else {
            Ucx.await(ctx.worker(), ucp_h.ucp_get_nbx(ctx.ep(rank), buf, len, remote, keys.rkeys[rank],
                    CallScratch.NO_PARAMS), "ucp_get_nbx");
        }
        Reference.reachabilityFence(buf);
    }

    /**
     * Starts a put from, or get into, all of {@code seg}: a copy where {@code rank} is
     * mapped (the shared completed request), else a UCP call, heap data staged in malloc'd
     * memory that the request frees (after copying a get back).
     */
    private DsmRequest startOn(boolean put, int rank, long disp, MemorySegment seg) {
        long len = seg.byteSize();
        MemorySegment d = keys.direct[rank];
        if (d != null || len == 0) {
            if (len > 0) {
                exchange(put, d, disp, seg, null, 0, len);
            }
            return ctx.completedRequest();
        }
        MemorySegment staging = seg.isNative() ? null : StagingMemory.allocate(len);
        if (put && staging != null) {
            exchange(true, staging, 0, seg, null, 0, len);
        }
        MemorySegment buf = staging == null ? seg : staging;
        long remote = keys.bases[rank] + disp;
        MemorySegment ptr = put
                ? ucp_h.ucp_put_nbx(ctx.ep(rank), buf, len, remote, keys.rkeys[rank], CallScratch.NO_PARAMS)
                : ucp_h.ucp_get_nbx(ctx.ep(rank), buf, len, remote, keys.rkeys[rank], CallScratch.NO_PARAMS);
        return DsmRequest.of(ctx, ptr, put ? "ucp_put_nbx" : "ucp_get_nbx", seg, staging,
                put || staging == null ? null : seg);
    }

    // ---- single aligned words ----

    /** Puts the low {@code width} bytes of {@code bits} as one aligned word; a volatile store where mapped. */
    void putWord(int rank, long disp, int width, long bits) {
        keys.checkWord(rank, disp, width);
        window.begin();
        try {
            MemorySegment d = keys.direct[rank];
            if (d != null) {
                if (width == 8) {
                    LONG.setVolatile(d, disp, bits);
                } else {
                    INT.setVolatile(d, disp, (int) bits);
                }
                return;
            }
            MemorySegment buf = CallScratch.get().operand();
            if (width == 8) {
                buf.set(JAVA_LONG, 0, bits);
            } else {
                buf.set(JAVA_INT, 0, (int) bits);
            }
            Ucx.await(ctx.worker(), ucp_h.ucp_put_nbx(ctx.ep(rank), buf, width, keys.bases[rank] + disp,
                    keys.rkeys[rank], CallScratch.NO_PARAMS), "ucp_put_nbx");
        } finally {
            ctx.exit();
        }
    }

    /** Gets one aligned word of {@code width} bytes (an int sign-extended); a volatile load where mapped. */
    long getWord(int rank, long disp, int width) {
        keys.checkWord(rank, disp, width);
        window.begin();
        try {
            MemorySegment d = keys.direct[rank];
            if (d != null) {
                return width == 8 ? (long) LONG.getVolatile(d, disp) : (int) INT.getVolatile(d, disp);
            }
            MemorySegment buf = CallScratch.get().operand();
            Ucx.await(ctx.worker(), ucp_h.ucp_get_nbx(ctx.ep(rank), buf, width, keys.bases[rank] + disp,
                    keys.rkeys[rank], CallScratch.NO_PARAMS), "ucp_get_nbx");
            return width == 8 ? buf.get(JAVA_LONG, 0) : buf.get(JAVA_INT, 0);
        } finally {
            ctx.exit();
        }
    }
}
