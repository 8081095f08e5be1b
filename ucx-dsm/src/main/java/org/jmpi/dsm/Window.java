package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.jmpi.bindings.ucx.ucp_h;
import org.jmpi.bindings.ucx.ucp_mem_attr;
import org.jmpi.bindings.ucx.ucp_mem_map_params;
import org.jmpi.bindings.ucx.ucp_request_param_t;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * Memory every rank exposes for one-sided access: this rank's part is {@link #local()},
 * a peer's part is addressed by (rank, byte offset). Puts complete locally; a
 * {@link #flush} (or {@link DsmContext#barrier()}) makes them visible at the target.
 * Every access is bounds-checked against the target's size before anything is sent.
 * Where UCX can map a peer's memory ({@code ucp_rkey_ptr}), puts and gets are plain
 * copies through {@link #direct(int)}; atomics use CPU atomics only when every rank can
 * map every other, so one word never sees both kinds. {@link #close()} is local.
 */
public final class Window implements AutoCloseable {
    /** The largest piece of a blocking put or get copied at once (about 0.1 ms; see {@link #exchange}). */
    static final long COPY_CHUNK = 1L << 20;

    private static final VarHandle LONG = JAVA_LONG.varHandle();
    private static final VarHandle INT = JAVA_INT.varHandle();

    private final DsmContext ctx;
    private final int me;
    private final MemorySegment memh;
    private final Arena scope;
    private final MemorySegment local;
    private final long[] bases;
    private final long[] sizes;
    private final MemorySegment[] rkeys;
    private final MemorySegment[] direct;
    private final boolean directAtomics;
    private volatile boolean closed;

    private Window(DsmContext ctx, MemorySegment memh, Arena scope, MemorySegment local, long[] bases,
                   long[] sizes, MemorySegment[] rkeys, MemorySegment[] direct, boolean directAtomics) {
        this.ctx = ctx;
        this.me = ctx.rank();
        this.memh = memh;
        this.scope = scope;
        this.local = local;
        this.bases = bases;
        this.sizes = sizes;
        this.rkeys = rkeys;
        this.direct = direct;
        this.directAtomics = directAtomics;
    }

    static Window allocate(DsmContext ctx, long bytes) {
        ctx.enter();
        ctx.exit();
        long[][] all = Bootstrap.allgatherLongs(ctx.comm(), new long[] {bytes}, "window allocation");
        long[] asked = new long[all.length];
        for (int r = 0; r < all.length; r++) {
            asked[r] = all[r][0];
        }
        if (Arrays.stream(asked).anyMatch(b -> b != asked[0] || b <= 0)) {
            throw new IllegalArgumentException("bytes: every rank must allocate the same positive size, ranks asked for "
                    + Arrays.toString(asked));
        }
        return build(ctx, null, bytes);
    }

    static Window register(DsmContext ctx, MemorySegment segment) {
        ctx.enter();
        ctx.exit();
        boolean valid = segment != null && segment.isNative() && segment.byteSize() > 0 && !segment.isReadOnly()
                && segment.scope().isAlive() && segment.isAccessibleBy(Thread.currentThread());
        long[][] all = Bootstrap.allgatherLongs(ctx.comm(), new long[] {valid ? 1 : 0}, "window registration");
        for (int r = 0; r < all.length; r++) {
            if (all[r][0] == 0) {
                throw new IllegalArgumentException("segment: rank " + r
                        + " passed a null, heap, read-only, empty or closed segment (or one of another thread)");
            }
        }
        return build(ctx, segment, segment.byteSize());
    }

    private static Window build(DsmContext ctx, MemorySegment user, long bytes) {
        MemorySegment memh = MemorySegment.NULL;
        byte[] block = null;
        RuntimeException failure = null;
        long base = 0;
        try (Arena arena = Arena.ofConfined()) {
            ctx.enter();
            try {
                MemorySegment out = arena.allocate(ADDRESS);
                MemorySegment p = arena.allocate(ucp_mem_map_params.layout());
                long mask = ucp_h.UCP_MEM_MAP_PARAM_FIELD_LENGTH() | ucp_h.UCP_MEM_MAP_PARAM_FIELD_FLAGS();
                ucp_mem_map_params.length(p, bytes);
                if (user == null) {
                    ucp_mem_map_params.flags(p, ucp_h.UCP_MEM_MAP_ALLOCATE());
                } else {
                    mask |= ucp_h.UCP_MEM_MAP_PARAM_FIELD_ADDRESS();
                    ucp_mem_map_params.address(p, user);
                }
                ucp_mem_map_params.field_mask(p, mask);
                Ucx.check(ucp_h.ucp_mem_map(ctx.ucpContext(), p, out), "ucp_mem_map");
                memh = out.get(ADDRESS, 0);
                if (user == null) {
                    MemorySegment attr = arena.allocate(ucp_mem_attr.layout());
                    ucp_mem_attr.field_mask(attr, ucp_h.UCP_MEM_ATTR_FIELD_ADDRESS() | ucp_h.UCP_MEM_ATTR_FIELD_LENGTH());
                    Ucx.check(ucp_h.ucp_mem_query(memh, attr), "ucp_mem_query");
                    base = ucp_mem_attr.address(attr).address();
                    if (ucp_mem_attr.length(attr) < bytes) {
                        throw new IllegalStateException("ucp_mem_map allocated " + ucp_mem_attr.length(attr)
                                + " bytes, fewer than " + bytes);
                    }
                    MemorySegment.ofAddress(base).reinterpret(bytes).fill((byte) 0);
                } else {
                    base = user.address();
                }
                MemorySegment len = arena.allocate(JAVA_LONG);
                Ucx.check(ucp_h.ucp_rkey_pack(ctx.ucpContext(), memh, out, len), "ucp_rkey_pack");
                MemorySegment packed = out.get(ADDRESS, 0).reinterpret(len.get(JAVA_LONG, 0));
                MemorySegment b = arena.allocate(16 + packed.byteSize(), 8);
                b.set(JAVA_LONG, 0, base);
                b.set(JAVA_LONG, 8, bytes);
                MemorySegment.copy(packed, 0, b, 16, packed.byteSize());
                ucp_h.ucp_rkey_buffer_release(packed);
                block = b.toArray(JAVA_BYTE);
            } finally {
                ctx.exit();
            }
        } catch (RuntimeException e) {
            failure = e;
            block = null;
        }
        byte[][] all;
        try {
            all = Bootstrap.allgather(ctx.comm(), block, "window creation");
        } catch (IllegalStateException e) {
            unmap(ctx, memh);
            throw failure != null ? failure : e;
        }
        int n = all.length;
        long[] bases = new long[n];
        long[] sizes = new long[n];
        MemorySegment[] rkeys = new MemorySegment[n];
        MemorySegment[] direct = new MemorySegment[n];
        Arena scope = Arena.ofShared();
        MemorySegment local = user != null ? user : MemorySegment.ofAddress(base).reinterpret(bytes, scope, null);
        boolean allDirect = ctx.directEnabled();
        try (Arena arena = Arena.ofConfined()) {
            ctx.enter();
            try {
                MemorySegment out = arena.allocate(ADDRESS);
                for (int r = 0; r < n; r++) {
                    MemorySegment b = MemorySegment.ofArray(all[r]);
                    bases[r] = b.get(JAVA_LONG_UNALIGNED, 0);
                    sizes[r] = b.get(JAVA_LONG_UNALIGNED, 8);
                    MemorySegment packed = arena.allocate(b.byteSize() - 16, 8);
                    MemorySegment.copy(b, 16, packed, 0, packed.byteSize());
                    Ucx.check(ucp_h.ucp_ep_rkey_unpack(ctx.endpoint(r), packed, out), "ucp_ep_rkey_unpack");
                    rkeys[r] = out.get(ADDRESS, 0);
                    if (!ctx.directEnabled()) {
                        continue;
                    }
                    if (r == ctx.rank()) {
                        direct[r] = local;
                    } else if (ucp_h.ucp_rkey_ptr(rkeys[r], bases[r], out) == Ucx.OK) {
                        direct[r] = out.get(ADDRESS, 0).reinterpret(sizes[r], scope, null);
                    } else {
                        allDirect = false;
                    }
                }
            } finally {
                ctx.exit();
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        long[][] flags;
        try {
            flags = Bootstrap.allgatherLongs(ctx.comm(), failure == null ? new long[] {allDirect ? 1 : 0} : null,
                    "window key exchange");
        } catch (IllegalStateException e) {
            destroyKeys(rkeys);
            scope.close();
            unmap(ctx, memh);
            throw failure != null ? failure : e;
        }
        boolean atomics = ctx.directEnabled();
        for (long[] f : flags) {
            atomics &= f[0] == 1;
        }
        Window w = new Window(ctx, memh, scope, local, bases, sizes, rkeys, direct, atomics);
        ctx.add(w);
        return w;
    }

    private static void destroyKeys(MemorySegment[] rkeys) {
        for (MemorySegment k : rkeys) {
            if (k != null) {
                ucp_h.ucp_rkey_destroy(k);
            }
        }
    }

    private static void unmap(DsmContext ctx, MemorySegment memh) {
        if (memh.address() != 0 && !ctx.isClosed()) {
            ucp_h.ucp_mem_unmap(ctx.ucpContext(), memh);
        }
    }

    // ---- facts ----

    /** The context this window belongs to. */
    public DsmContext context() {
        return ctx;
    }

    /**
     * This rank's part of the window. For an allocated window the segment is valid until
     * the window (or its context) is closed; for a registered one it is the caller's segment.
     */
    public MemorySegment local() {
        checkOpen();
        return local;
    }

    /** The size in bytes of {@code rank}'s part. */
    public long size(int rank) {
        ctx.checkRank(rank);
        return sizes[rank];
    }

    /** The size in bytes of this rank's part. */
    public long size() {
        return sizes[me];
    }

    /** Whether this rank reaches {@code rank}'s part by load/store. */
    public boolean isDirect(int rank) {
        ctx.checkRank(rank);
        return direct[rank] != null;
    }

    /** Whether atomics are CPU atomics on mapped memory (every rank reaches every rank directly). */
    public boolean directAtomics() {
        return directAtomics;
    }

    /**
     * A load/store view of {@code rank}'s part, sized to it, when UCX could map it (same node,
     * UCX-allocated memory, direct mode on); valid until the window is closed.
     */
    public Optional<MemorySegment> direct(int rank) {
        ctx.checkRank(rank);
        checkOpen();
        return Optional.ofNullable(direct[rank]);
    }

    /** Whether the window has been closed (directly or by closing its context). */
    public boolean isClosed() {
        return closed;
    }

    // ---- put / get ----

    /** Puts all of {@code src} at {@code offset} of {@code rank}'s part; returns when {@code src} may be reused. */
    public void put(int rank, long offset, MemorySegment src) {
        checkSource(rank, offset, src);
        blocking(true, rank, offset, src, null, null, src.byteSize());
    }

    /** Gets {@code dst.byteSize()} bytes from {@code offset} of {@code rank}'s part into {@code dst}. */
    public void get(int rank, long offset, MemorySegment dst) {
        checkDestination(rank, offset, dst);
        blocking(false, rank, offset, dst, null, null, dst.byteSize());
    }

    /** Starts a put of all of {@code src} (native, or heap through a staging copy). */
    public RmaRequest putAsync(int rank, long offset, MemorySegment src) {
        checkSource(rank, offset, src);
        begin();
        try {
            return startPut(rank, offset, src);
        } finally {
            ctx.exit();
        }
    }

    /** Starts a get into all of {@code dst} (native, or heap through a staging copy). */
    public RmaRequest getAsync(int rank, long offset, MemorySegment dst) {
        checkDestination(rank, offset, dst);
        begin();
        try {
            return startGet(rank, offset, dst);
        } finally {
            ctx.exit();
        }
    }

    /** Puts {@code src} at {@code offset} of {@code rank}'s part. */
    public void put(int rank, long offset, byte[] src) {
        blockingArray(true, rank, offset, Objects.requireNonNull(src, "src"), JAVA_BYTE, src.length);
    }

    /** Puts {@code src} at {@code offset} of {@code rank}'s part. */
    public void put(int rank, long offset, int[] src) {
        blockingArray(true, rank, offset, Objects.requireNonNull(src, "src"), JAVA_INT_UNALIGNED, src.length);
    }

    /** Puts {@code src} at {@code offset} of {@code rank}'s part. */
    public void put(int rank, long offset, long[] src) {
        blockingArray(true, rank, offset, Objects.requireNonNull(src, "src"), JAVA_LONG_UNALIGNED, src.length);
    }

    /** Puts {@code src} at {@code offset} of {@code rank}'s part. */
    public void put(int rank, long offset, double[] src) {
        blockingArray(true, rank, offset, Objects.requireNonNull(src, "src"), JAVA_DOUBLE_UNALIGNED, src.length);
    }

    /** Fills {@code dst} from {@code offset} of {@code rank}'s part. */
    public void get(int rank, long offset, byte[] dst) {
        blockingArray(false, rank, offset, Objects.requireNonNull(dst, "dst"), JAVA_BYTE, dst.length);
    }

    /** Fills {@code dst} from {@code offset} of {@code rank}'s part. */
    public void get(int rank, long offset, int[] dst) {
        blockingArray(false, rank, offset, Objects.requireNonNull(dst, "dst"), JAVA_INT_UNALIGNED, dst.length);
    }

    /** Fills {@code dst} from {@code offset} of {@code rank}'s part. */
    public void get(int rank, long offset, long[] dst) {
        blockingArray(false, rank, offset, Objects.requireNonNull(dst, "dst"), JAVA_LONG_UNALIGNED, dst.length);
    }

    /** Fills {@code dst} from {@code offset} of {@code rank}'s part. */
    public void get(int rank, long offset, double[] dst) {
        blockingArray(false, rank, offset, Objects.requireNonNull(dst, "dst"), JAVA_DOUBLE_UNALIGNED, dst.length);
    }

    /** Starts a put of {@code src}, copied now to a native staging buffer (the array may be reused at once). */
    public RmaRequest putAsync(int rank, long offset, byte[] src) {
        return putAsync(rank, offset, MemorySegment.ofArray(Objects.requireNonNull(src, "src")));
    }

    /** Starts a put of {@code src}, copied now to a native staging buffer (the array may be reused at once). */
    public RmaRequest putAsync(int rank, long offset, int[] src) {
        return putAsync(rank, offset, MemorySegment.ofArray(Objects.requireNonNull(src, "src")));
    }

    /** Starts a put of {@code src}, copied now to a native staging buffer (the array may be reused at once). */
    public RmaRequest putAsync(int rank, long offset, long[] src) {
        return putAsync(rank, offset, MemorySegment.ofArray(Objects.requireNonNull(src, "src")));
    }

    /** Starts a put of {@code src}, copied now to a native staging buffer (the array may be reused at once). */
    public RmaRequest putAsync(int rank, long offset, double[] src) {
        return putAsync(rank, offset, MemorySegment.ofArray(Objects.requireNonNull(src, "src")));
    }

    /** Starts a get into {@code dst} through a staging buffer; {@code dst} is filled when the request completes. */
    public RmaRequest getAsync(int rank, long offset, byte[] dst) {
        return getAsync(rank, offset, MemorySegment.ofArray(Objects.requireNonNull(dst, "dst")));
    }

    /** Starts a get into {@code dst} through a staging buffer; {@code dst} is filled when the request completes. */
    public RmaRequest getAsync(int rank, long offset, int[] dst) {
        return getAsync(rank, offset, MemorySegment.ofArray(Objects.requireNonNull(dst, "dst")));
    }

    /** Starts a get into {@code dst} through a staging buffer; {@code dst} is filled when the request completes. */
    public RmaRequest getAsync(int rank, long offset, long[] dst) {
        return getAsync(rank, offset, MemorySegment.ofArray(Objects.requireNonNull(dst, "dst")));
    }

    /** Starts a get into {@code dst} through a staging buffer; {@code dst} is filled when the request completes. */
    public RmaRequest getAsync(int rank, long offset, double[] dst) {
        return getAsync(rank, offset, MemorySegment.ofArray(Objects.requireNonNull(dst, "dst")));
    }

    /** A blocking put or get of the {@code count} elements of a Java array ({@code layout} unaligned). */
    private void blockingArray(boolean put, int rank, long offset, Object array, ValueLayout layout, int count) {
        long len = count * layout.byteSize();
        checkAccess(rank, offset, len);
        blocking(put, rank, offset, null, array, layout, len);
    }

    /**
     * A blocking put or get of {@code len} bytes of the user's data, a segment
     * ({@code array} null) or a Java array of {@code layout} elements: a copy when
     * {@code rank} is mapped ({@link #copyDirect}), else UCP in a native section, waited for
     * in place without a request object; heap data moves through this thread's staging
     * buffer (a confined arena's above {@link CallScratch#KEPT_STAGING}). Nothing is
     * allocated up to that size.
     */
    private void blocking(boolean put, int rank, long offset, MemorySegment seg, Object array, ValueLayout layout,
                          long len) {
        MemorySegment d = direct[rank];
        if (d != null) {
            copyDirect(put, d, offset, seg, array, layout, len);
            return;
        }
        begin();
        try {
            viaUcp(put, rank, offset, seg, array, layout, len);
        } finally {
            ctx.exit();
        }
    }

    private void viaUcp(boolean put, int rank, long offset, MemorySegment seg, Object array, ValueLayout layout,
                        long len) {
        if (len == 0) {
            return;
        }
        if (array == null && seg.isNative()) {
            transfer(put, rank, offset, seg, len);
        } else if (len <= CallScratch.KEPT_STAGING) {
            staged(put, rank, offset, seg, array, layout, len, CallScratch.get().staging(len));
        } else {
            try (Arena arena = Arena.ofConfined()) {
                staged(put, rank, offset, seg, array, layout, len, arena.allocate(len, 8));
            }
        }
    }

    private void staged(boolean put, int rank, long offset, MemorySegment seg, Object array, ValueLayout layout,
                        long len, MemorySegment buf) {
        if (put) {
            exchange(true, buf, 0, seg, array, layout, len);
        }
        transfer(put, rank, offset, buf, len);
        if (!put) {
            exchange(false, buf, 0, seg, array, layout, len);
        }
    }

    /**
     * A blocking put or get on a mapped peer's memory: a plain copy, without the context's
     * lock. The mapping is a segment of the window's shared arena, which {@link #release}
     * closes before it unmaps, so a copy racing with close fails with an
     * IllegalStateException instead of touching unmapped memory.
     */
    private void copyDirect(boolean put, MemorySegment d, long offset, MemorySegment seg, Object array,
                            ValueLayout layout, long len) {
        if (closed || ctx.isClosed()) {
            throw new IllegalStateException("window is closed");
        }
        if (len == 0) {
            return;
        }
        try {
            exchange(put, d, offset, seg, array, layout, len);
        } catch (IllegalStateException e) {
            if (closed) {
                throw new IllegalStateException("window is closed", e);
            }
            throw e;
        }
    }

    /**
     * Copies {@code len} bytes of the user's data into native memory at {@code at}
     * ({@code in}), or out of it, in pieces of at most {@link #COPY_CHUNK} bytes: a copy
     * involving the heap runs without a safepoint check, so a large one in one piece would
     * hold back every garbage collection of the JVM.
     */
    static void exchange(boolean in, MemorySegment memory, long at, MemorySegment seg, Object array,
                                 ValueLayout layout, long len) {
        for (long done = 0; done < len; done += COPY_CHUNK) {
            long n = Math.min(COPY_CHUNK, len - done);
            if (array == null) {
                if (in) {
                    MemorySegment.copy(seg, done, memory, at + done, n);
                } else {
                    MemorySegment.copy(memory, at + done, seg, done, n);
                }
            } else {
                int first = (int) (done / layout.byteSize());
                int count = (int) (n / layout.byteSize());
                if (in) {
                    MemorySegment.copy(array, first, memory, layout, at + done, count);
                } else {
                    MemorySegment.copy(memory, layout, at + done, array, first, count);
                }
            }
        }
    }

    /** {@code ucp_put_nbx} or {@code ucp_get_nbx} of the first {@code len} bytes of native {@code buf}, waited for. */
    private void transfer(boolean put, int rank, long offset, MemorySegment buf, long len) {
        long remote = bases[rank] + offset;
        if (put) {
            Ucx.await(ctx.worker(), ucp_h.ucp_put_nbx(ctx.ep(rank), buf, len, remote, rkeys[rank],
                    CallScratch.NO_PARAMS), "ucp_put_nbx");
        } else {
            Ucx.await(ctx.worker(), ucp_h.ucp_get_nbx(ctx.ep(rank), buf, len, remote, rkeys[rank],
                    CallScratch.NO_PARAMS), "ucp_get_nbx");
        }
        Reference.reachabilityFence(buf);
    }

    private RmaRequest startPut(int rank, long offset, MemorySegment src) {
        long len = src.byteSize();
        MemorySegment d = direct[rank];
        if (d != null || len == 0) {
            if (len > 0) {
                exchange(true, d, offset, src, null, null, len);
            }
            return ctx.completedRequest();
        }
        MemorySegment staging = null;
        if (!src.isNative()) {
            staging = StagingMemory.allocate(len);
            exchange(true, staging, 0, src, null, null, len);
        }
        MemorySegment ptr = ucp_h.ucp_put_nbx(ctx.ep(rank), staging == null ? src : staging, len,
                bases[rank] + offset, rkeys[rank], CallScratch.NO_PARAMS);
        return RmaRequest.of(ctx, ptr, "ucp_put_nbx", src, staging, null);
    }

    private RmaRequest startGet(int rank, long offset, MemorySegment dst) {
        long len = dst.byteSize();
        MemorySegment d = direct[rank];
        if (d != null || len == 0) {
            if (len > 0) {
                exchange(false, d, offset, dst, null, null, len);
            }
            return ctx.completedRequest();
        }
        MemorySegment staging = dst.isNative() ? null : StagingMemory.allocate(len);
        MemorySegment ptr = ucp_h.ucp_get_nbx(ctx.ep(rank), staging == null ? dst : staging, len,
                bases[rank] + offset, rkeys[rank], CallScratch.NO_PARAMS);
        return RmaRequest.of(ctx, ptr, "ucp_get_nbx", dst, staging, staging == null ? null : dst);
    }

    // ---- typed single values ----

    /** Puts one {@code int} (4-byte aligned). */
    public void putInt(int rank, long offset, int value) {
        putWord(rank, offset, 4, value);
    }

    /** Puts one {@code long} (8-byte aligned). */
    public void putLong(int rank, long offset, long value) {
        putWord(rank, offset, 8, value);
    }

    /** Puts one {@code double} (8-byte aligned). */
    public void putDouble(int rank, long offset, double value) {
        putWord(rank, offset, 8, Double.doubleToRawLongBits(value));
    }

    /** Gets one {@code int} (4-byte aligned). */
    public int getInt(int rank, long offset) {
        return (int) getWord(rank, offset, 4);
    }

    /** Gets one {@code long} (8-byte aligned). */
    public long getLong(int rank, long offset) {
        return getWord(rank, offset, 8);
    }

    /** Gets one {@code double} (8-byte aligned). */
    public double getDouble(int rank, long offset) {
        return Double.longBitsToDouble(getWord(rank, offset, 8));
    }

    private void putWord(int rank, long offset, int width, long bits) {
        checkWord(rank, offset, width);
        begin();
        try {
            MemorySegment d = direct[rank];
            if (d != null) {
                if (width == 8) {
                    LONG.setVolatile(d, offset, bits);
                } else {
                    INT.setVolatile(d, offset, (int) bits);
                }
                return;
            }
            MemorySegment buf = CallScratch.get().operand();
            if (width == 8) {
                buf.set(JAVA_LONG, 0, bits);
            } else {
                buf.set(JAVA_INT, 0, (int) bits);
            }
            Ucx.await(ctx.worker(), ucp_h.ucp_put_nbx(ctx.ep(rank), buf, width, bases[rank] + offset, rkeys[rank],
                    CallScratch.NO_PARAMS), "ucp_put_nbx");
        } finally {
            ctx.exit();
        }
    }

    private long getWord(int rank, long offset, int width) {
        checkWord(rank, offset, width);
        begin();
        try {
            MemorySegment d = direct[rank];
            if (d != null) {
                return width == 8 ? (long) LONG.getVolatile(d, offset) : (int) INT.getVolatile(d, offset);
            }
            MemorySegment buf = CallScratch.get().operand();
            Ucx.await(ctx.worker(), ucp_h.ucp_get_nbx(ctx.ep(rank), buf, width, bases[rank] + offset,
                    rkeys[rank], CallScratch.NO_PARAMS), "ucp_get_nbx");
            return width == 8 ? buf.get(JAVA_LONG, 0) : buf.get(JAVA_INT, 0);
        } finally {
            ctx.exit();
        }
    }

    // ---- atomics ----

    /** Atomically adds {@code value} to the 64-bit word at {@code offset} of {@code rank}'s part. */
    public void add(int rank, long offset, long value) {
        amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_ADD(), value, 0, false);
    }

    /** Atomically adds {@code value} to the 64-bit word; returns its previous value. */
    public long fetchAdd(int rank, long offset, long value) {
        return amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_ADD(), value, 0, true);
    }

    /** Atomically replaces the 64-bit word by {@code value}; returns its previous value. */
    public long swap(int rank, long offset, long value) {
        return amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_SWAP(), value, 0, true);
    }

    /** Atomically sets the 64-bit word to {@code desired} if it equals {@code expected}; returns its previous value. */
    public long compareAndSwap(int rank, long offset, long expected, long desired) {
        return amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_CSWAP(), expected, desired, true);
    }

    /** Atomically reads the 64-bit word (a fetching add of 0). */
    public long atomicGet(int rank, long offset) {
        return amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_ADD(), 0, 0, true);
    }

    /** Atomically ANDs {@code value} into the 64-bit word. */
    public void and(int rank, long offset, long value) {
        amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_AND(), value, 0, false);
    }

    /** Atomically ORs {@code value} into the 64-bit word. */
    public void or(int rank, long offset, long value) {
        amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_OR(), value, 0, false);
    }

    /** Atomically XORs {@code value} into the 64-bit word. */
    public void xor(int rank, long offset, long value) {
        amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_XOR(), value, 0, false);
    }

    /** Atomically ANDs {@code value} into the 64-bit word; returns its previous value. */
    public long fetchAnd(int rank, long offset, long value) {
        return amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_AND(), value, 0, true);
    }

    /** Atomically ORs {@code value} into the 64-bit word; returns its previous value. */
    public long fetchOr(int rank, long offset, long value) {
        return amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_OR(), value, 0, true);
    }

    /** Atomically XORs {@code value} into the 64-bit word; returns its previous value. */
    public long fetchXor(int rank, long offset, long value) {
        return amo(rank, offset, 8, ucp_h.UCP_ATOMIC_OP_XOR(), value, 0, true);
    }

    /** Atomically adds {@code value} to the 32-bit word at {@code offset} (4-byte aligned). */
    public void addInt(int rank, long offset, int value) {
        amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_ADD(), value, 0, false);
    }

    /** Atomically adds {@code value} to the 32-bit word; returns its previous value. */
    public int fetchAddInt(int rank, long offset, int value) {
        return (int) amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_ADD(), value, 0, true);
    }

    /** Atomically replaces the 32-bit word by {@code value}; returns its previous value. */
    public int swapInt(int rank, long offset, int value) {
        return (int) amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_SWAP(), value, 0, true);
    }

    /** Atomically sets the 32-bit word to {@code desired} if it equals {@code expected}; returns its previous value. */
    public int compareAndSwapInt(int rank, long offset, int expected, int desired) {
        return (int) amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_CSWAP(), expected, desired, true);
    }

    /** Atomically ANDs {@code value} into the 32-bit word. */
    public void andInt(int rank, long offset, int value) {
        amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_AND(), value, 0, false);
    }

    /** Atomically ORs {@code value} into the 32-bit word. */
    public void orInt(int rank, long offset, int value) {
        amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_OR(), value, 0, false);
    }

    /** Atomically XORs {@code value} into the 32-bit word. */
    public void xorInt(int rank, long offset, int value) {
        amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_XOR(), value, 0, false);
    }

    /** Atomically ANDs {@code value} into the 32-bit word; returns its previous value. */
    public int fetchAndInt(int rank, long offset, int value) {
        return (int) amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_AND(), value, 0, true);
    }

    /** Atomically ORs {@code value} into the 32-bit word; returns its previous value. */
    public int fetchOrInt(int rank, long offset, int value) {
        return (int) amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_OR(), value, 0, true);
    }

    /** Atomically XORs {@code value} into the 32-bit word; returns its previous value. */
    public int fetchXorInt(int rank, long offset, int value) {
        return (int) amo(rank, offset, 4, ucp_h.UCP_ATOMIC_OP_XOR(), value, 0, true);
    }

    private long amo(int rank, long offset, int width, int op, long operand, long swap, boolean fetch) {
        checkWord(rank, offset, width);
        begin();
        try {
            if (directAtomics) {
                return width == 8 ? cpuAtomic64(direct[rank], offset, op, operand, swap)
                        : cpuAtomic32(direct[rank], offset, op, (int) operand, (int) swap);
            }
            CallScratch scratch = CallScratch.get();
            MemorySegment buf = scratch.operand();
            MemorySegment reply = scratch.reply();
            MemorySegment p = scratch.param();
            int mask = ucp_h.UCP_OP_ATTR_FIELD_DATATYPE();
            boolean needsReply = fetch || op == ucp_h.UCP_ATOMIC_OP_SWAP() || op == ucp_h.UCP_ATOMIC_OP_CSWAP();
            if (width == 8) {
                buf.set(JAVA_LONG, 0, operand);
                reply.set(JAVA_LONG, 0, swap);
            } else {
                buf.set(JAVA_INT, 0, (int) operand);
                reply.set(JAVA_INT, 0, (int) swap);
            }
            if (needsReply) {
                mask |= ucp_h.UCP_OP_ATTR_FIELD_REPLY_BUFFER();
                ucp_request_param_t.reply_buffer(p, reply);
            }
            ucp_request_param_t.op_attr_mask(p, mask);
            ucp_request_param_t.datatype(p, Ucx.contig(width));
            Ucx.await(ctx.worker(), ucp_h.ucp_atomic_op_nbx(ctx.ep(rank), op, buf, 1, bases[rank] + offset,
                    rkeys[rank], p), "ucp_atomic_op_nbx");
            if (!fetch) {
                return 0;
            }
            return width == 8 ? reply.get(JAVA_LONG, 0) : reply.get(JAVA_INT, 0);
        } finally {
            ctx.exit();
        }
    }

    private static long cpuAtomic64(MemorySegment d, long off, int op, long v, long swap) {
        if (op == ucp_h.UCP_ATOMIC_OP_ADD()) {
            return (long) LONG.getAndAdd(d, off, v);
        } else if (op == ucp_h.UCP_ATOMIC_OP_SWAP()) {
            return (long) LONG.getAndSet(d, off, v);
        } else if (op == ucp_h.UCP_ATOMIC_OP_CSWAP()) {
            return (long) LONG.compareAndExchange(d, off, v, swap);
        } else if (op == ucp_h.UCP_ATOMIC_OP_AND()) {
            return (long) LONG.getAndBitwiseAnd(d, off, v);
        } else if (op == ucp_h.UCP_ATOMIC_OP_OR()) {
            return (long) LONG.getAndBitwiseOr(d, off, v);
        } else {
            return (long) LONG.getAndBitwiseXor(d, off, v);
        }
    }

    private static int cpuAtomic32(MemorySegment d, long off, int op, int v, int swap) {
        if (op == ucp_h.UCP_ATOMIC_OP_ADD()) {
            return (int) INT.getAndAdd(d, off, v);
        } else if (op == ucp_h.UCP_ATOMIC_OP_SWAP()) {
            return (int) INT.getAndSet(d, off, v);
        } else if (op == ucp_h.UCP_ATOMIC_OP_CSWAP()) {
            return (int) INT.compareAndExchange(d, off, v, swap);
        } else if (op == ucp_h.UCP_ATOMIC_OP_AND()) {
            return (int) INT.getAndBitwiseAnd(d, off, v);
        } else if (op == ucp_h.UCP_ATOMIC_OP_OR()) {
            return (int) INT.getAndBitwiseOr(d, off, v);
        } else {
            return (int) INT.getAndBitwiseXor(d, off, v);
        }
    }

    // ---- completion and synchronisation ----

    /** Completes this rank's operations to {@code rank} at the target (all windows of the context). */
    public void flush(int rank) {
        ctx.checkRank(rank);
        checkOpen();
        ctx.flush(rank);
    }

    /** Completes all of this rank's operations at their targets. */
    public void flush() {
        checkOpen();
        ctx.flush();
    }

    /** Same as {@link #flush()}. */
    public void quiet() {
        flush();
    }

    /** Orders earlier operations before later ones ({@code ucp_worker_fence}), without waiting. */
    public void fence() {
        checkOpen();
        ctx.fence();
    }

    /** Whether the local 64-bit word at {@code localOffset} compares to {@code value} as {@code cmp} says; progresses once. */
    public boolean test(long localOffset, Cmp cmp, long value) {
        Objects.requireNonNull(cmp, "cmp");
        checkWord(me, localOffset, 8);
        begin();
        try {
            if (cmp.test((long) LONG.getVolatile(local, localOffset), value)) {
                return true;
            }
            ucp_h.ucp_worker_progress(ctx.worker());
            return cmp.test((long) LONG.getVolatile(local, localOffset), value);
        } finally {
            ctx.exit();
        }
    }

    /**
     * Waits, progressing the worker, until the local 64-bit word at {@code localOffset}
     * compares to {@code value} as {@code cmp} says; returns the word.
     *
     * @throws DsmTimeoutException if {@code timeout} passes first
     */
    public long waitUntil(long localOffset, Cmp cmp, long value, Duration timeout) {
        Objects.requireNonNull(cmp, "cmp");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout: negative " + timeout);
        }
        checkWord(me, localOffset, 8);
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        int spins = 0;
        while (true) {
            begin();
            try {
                long v = (long) LONG.getVolatile(local, localOffset);
                if (cmp.test(v, value)) {
                    return v;
                }
                if (ucp_h.ucp_worker_progress(ctx.worker()) == 0) {
                    Ucx.backoff(++spins);
                }
            } finally {
                ctx.exit();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DsmTimeoutException("word at offset " + localOffset + " of rank " + me + " was "
                        + (long) LONG.getVolatile(local, localOffset) + ", not " + cmp + " " + value + " after " + timeout);
            }
        }
    }

    /**
     * Puts {@code src} at {@code offset} of {@code rank}'s part, then updates the 64-bit
     * signal word at {@code signalOffset} there: a receiver that sees the signal sees the data.
     */
    public void putWithSignal(int rank, long offset, MemorySegment src, long signalOffset, long signalValue,
                              SignalOp op) {
        usable(src, "src");
        Objects.requireNonNull(op, "op");
        checkAccess(rank, offset, src.byteSize());
        checkWord(rank, signalOffset, 8);
        put(rank, offset, src);
        if (direct[rank] == null) {
            ctx.flush(rank);
        } else {
            VarHandle.fullFence();
        }
        if (op == SignalOp.SET) {
            swap(rank, signalOffset, signalValue);
        } else {
            add(rank, signalOffset, signalValue);
        }
    }

    /**
     * Releases the window's keys and memory (an allocated window's memory goes away; a
     * registered segment stays the caller's). Local and idempotent; peers must have
     * finished accessing this rank's part (e.g. a barrier before closing).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        ctx.exclusive(() -> {
            try {
                ctx.flushWorker();
            } catch (RuntimeException ignored) {
                // releasing anyway
            }
            release();
            ctx.remove(this);
        });
    }

    /** Frees the native resources; the caller holds the context exclusively (or is closing it). */
    synchronized void release() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            scope.close();
        } catch (IllegalStateException inUse) {
            return; // a view is held by a native call: leak rather than unmap under it
        }
        destroyKeys(rkeys);
        ucp_h.ucp_mem_unmap(ctx.ucpContext(), memh);
    }

    @Override
    public String toString() {
        return "Window[rank " + me + ", " + sizes[me] + " bytes" + (closed ? ", closed" : "") + "]";
    }

    // ---- checks ----

    /** A segment the calling thread may use now: not null, its arena open and, if confined, its own. */
    private static MemorySegment usable(MemorySegment seg, String arg) {
        Objects.requireNonNull(seg, arg);
        if (!seg.scope().isAlive()) {
            throw new IllegalStateException(arg + ": the segment's arena has been closed");
        }
        if (!seg.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException(arg + ": the segment belongs to a confined arena of another thread");
        }
        return seg;
    }

    private void begin() {
        ctx.enter();
        if (closed) {
            ctx.exit();
            throw new IllegalStateException("window is closed");
        }
    }

    private void checkOpen() {
        if (closed || ctx.isClosed()) {
            throw new IllegalStateException(closed ? "window is closed" : "DSM context is closed");
        }
    }

    private void checkSource(int rank, long offset, MemorySegment src) {
        usable(src, "src");
        checkAccess(rank, offset, src.byteSize());
    }

    private void checkDestination(int rank, long offset, MemorySegment dst) {
        usable(dst, "dst");
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("dst: segment is read-only");
        }
        checkAccess(rank, offset, dst.byteSize());
    }

    private void checkAccess(int rank, long offset, long length) {
        ctx.checkRank(rank);
        long size = sizes[rank];
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("rank " + rank + ": offset " + offset + ", length " + length
                    + " outside its window of " + size + " bytes");
        }
    }

    private void checkWord(int rank, long offset, int width) {
        checkAccess(rank, offset, width);
        if (((bases[rank] + offset) & (width - 1)) != 0) {
            throw new IllegalArgumentException("offset: " + offset + " at rank " + rank + " is not aligned to "
                    + width + " bytes");
        }
    }
}
