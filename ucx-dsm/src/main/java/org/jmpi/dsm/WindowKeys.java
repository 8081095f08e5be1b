package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.jmpi.bindings.ucx.ucp_h;
import org.jmpi.bindings.ucx.ucp_mem_attr;
import org.jmpi.bindings.ucx.ucp_mem_map_params;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * What a window knows of every rank's part, from the collective key exchange: base
 * address, size, unpacked remote key and, where UCX can map it ({@code ucp_rkey_ptr}), a
 * load/store view. Also this rank's memory handle and the checks of a target range
 * against a part. Not public API.
 */
final class WindowKeys {
    final MemorySegment memh;
    /** Owns the views of mapped parts (and of allocated local memory); closed before unmapping. */
    final Arena scope;
    final MemorySegment local;
    final long[] bases;
    final long[] sizes;
    final MemorySegment[] rkeys;
    final MemorySegment[] direct;
    /** Whether atomics are CPU atomics: every rank maps every other, so no word sees both kinds. */
    final boolean directAtomics;

    private WindowKeys(MemorySegment memh, Arena scope, MemorySegment local, long[] bases, long[] sizes,
                       MemorySegment[] rkeys, MemorySegment[] direct, boolean directAtomics) {
        this.memh = memh;
        this.scope = scope;
        this.local = local;
        this.bases = bases;
        this.sizes = sizes;
        this.rkeys = rkeys;
        this.direct = direct;
        this.directAtomics = directAtomics;
    }

    /** Keys of a window of {@code bytes} on every rank in memory UCX allocates (collective, sizes checked equal). */
    static WindowKeys allocate(DsmContext ctx, long bytes) {
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
        return exchange(ctx, null, bytes);
    }

    /** Keys of a window over each rank's native {@code segment} (collective; one bad segment fails every rank). */
    static WindowKeys register(DsmContext ctx, MemorySegment segment) {
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
        return exchange(ctx, segment, segment.byteSize());
    }

    /**
     * Maps this rank's memory, packs its key with its base and size, gathers every rank's
     * block, unpacks the keys and maps what can be mapped; then agrees on whether atomics
     * may be CPU atomics. A failure on any rank fails every rank, and what this rank made
     * is undone.
     */
    private static WindowKeys exchange(DsmContext ctx, MemorySegment user, long bytes) {
        MemorySegment memh = MemorySegment.NULL;
        byte[] block = null;
        RuntimeException failure = null;
        long base = 0;
        try (Arena arena = Arena.ofConfined()) {
            ctx.enter();
            try {
                MemorySegment out = arena.allocate(ADDRESS);
                memh = map(ctx, arena, user, bytes, out);
                if (user == null) {
                    base = allocatedBase(memh, arena, bytes);
                    NativeAccess.sized(MemorySegment.ofAddress(base), bytes).fill((byte) 0);
                } else {
                    base = user.address();
                }
                block = packedBlock(ctx, arena, memh, base, bytes, out);
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
        MemorySegment local = user != null ? user : NativeAccess.sized(MemorySegment.ofAddress(base), bytes, scope, null);
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
                        direct[r] = NativeAccess.sized(out.get(ADDRESS, 0), sizes[r], scope, null);
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
        return new WindowKeys(memh, scope, local, bases, sizes, rkeys, direct, atomics);
    }

    /** {@code ucp_mem_map} of {@code user}, or of {@code bytes} UCX allocates when it is null; the memory handle. */
    private static MemorySegment map(DsmContext ctx, Arena arena, MemorySegment user, long bytes, MemorySegment out) {
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
        return out.get(ADDRESS, 0);
    }

    /** The address of the memory UCX allocated for {@code memh}, checked to hold {@code bytes}. */
    private static long allocatedBase(MemorySegment memh, Arena arena, long bytes) {
        MemorySegment attr = arena.allocate(ucp_mem_attr.layout());
        ucp_mem_attr.field_mask(attr, ucp_h.UCP_MEM_ATTR_FIELD_ADDRESS() | ucp_h.UCP_MEM_ATTR_FIELD_LENGTH());
        Ucx.check(ucp_h.ucp_mem_query(memh, attr), "ucp_mem_query");
        if (ucp_mem_attr.length(attr) < bytes) {
            throw new IllegalStateException("ucp_mem_map allocated " + ucp_mem_attr.length(attr)
                    + " bytes, fewer than " + bytes);
        }
        return ucp_mem_attr.address(attr).address();
    }

    /** This rank's block for the exchange: base and size (8 bytes each), then the packed remote key. */
    private static byte[] packedBlock(DsmContext ctx, Arena arena, MemorySegment memh, long base, long bytes,
                                      MemorySegment out) {
        MemorySegment len = arena.allocate(JAVA_LONG);
        Ucx.check(ucp_h.ucp_rkey_pack(ctx.ucpContext(), memh, out, len), "ucp_rkey_pack");
        MemorySegment packed = NativeAccess.sized(out.get(ADDRESS, 0), len.get(JAVA_LONG, 0));
        MemorySegment b = arena.allocate(16 + packed.byteSize(), 8);
        b.set(JAVA_LONG, 0, base);
        b.set(JAVA_LONG, 8, bytes);
        MemorySegment.copy(packed, 0, b, 16, packed.byteSize());
        ucp_h.ucp_rkey_buffer_release(packed);
        return b.toArray(JAVA_BYTE);
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

    /**
     * Frees the keys and unmaps this rank's memory, after closing the views (a view held by
     * a native call makes the close fail: then nothing is freed, rather than unmapped under it).
     */
    void release(DsmContext ctx) {
        try {
            scope.close();
        } catch (IllegalStateException inUse) {
            return;
        }
        destroyKeys(rkeys);
        ucp_h.ucp_mem_unmap(ctx.ucpContext(), memh);
    }

    // ---- the checks of a target range, before anything is sent ----

    /** Refuses a rank outside the window's ranks. */
    void checkRank(int rank) {
        if (rank < 0 || rank >= sizes.length) {
            throw new IndexOutOfBoundsException("rank " + rank + " out of range [0, " + sizes.length + ")");
        }
    }

    /** Refuses {@code length} bytes at {@code offset} of {@code rank}'s part unless they lie inside it. */
    void checkAccess(int rank, long offset, long length) {
        checkRank(rank);
        long size = sizes[rank];
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("rank " + rank + ": offset " + offset + ", length " + length
                    + " outside its window of " + size + " bytes");
        }
    }

    /** As {@link #checkAccess} for one word of {@code width} bytes, which must also be aligned to its width. */
    void checkWord(int rank, long offset, int width) {
        checkAccess(rank, offset, width);
        if (((bases[rank] + offset) & (width - 1)) != 0) {
            throw new IllegalArgumentException("offset: " + offset + " at rank " + rank + " is not aligned to "
                    + width + " bytes");
        }
    }
}
