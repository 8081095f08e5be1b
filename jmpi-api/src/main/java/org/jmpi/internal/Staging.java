package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Native staging memory for the heap segments (Java arrays) of blocking calls. A blocking
 * MPI call may wait as long as a peer makes it, so it must run as an ordinary downcall,
 * during which the thread counts as "in native" and the JVM can reach a safepoint (a
 * critical downcall with heap access would keep the array pinned and stop every garbage
 * collection, and with it every thread that allocates, until MPI returns). The data
 * therefore moves through native memory: copied in before the call, out after it, in
 * pieces of at most {@link #CHUNK} bytes so that no single copy keeps the thread from a
 * safepoint either.
 * <p>
 * Each thread keeps one buffer per {@code slot} (two calls' buffers, e.g. the send and
 * receive buffers of {@code MPI_Sendrecv}, use different slots), grown on demand up to
 * {@link #KEPT} bytes ({@link #KEPT_VIRTUAL} on a virtual thread), so the array paths
 * allocate nothing once a thread has warmed up. Larger buffers, and a slot already in use
 * by an outer call on the same thread (a Java error handler or user op called from inside
 * MPI that itself makes a blocking call), come from {@code malloc} and are freed on
 * {@link #release}. Not public API.
 */
public final class Staging {
    /** Bytes of a staging buffer kept for a platform thread's next call. */
    public static final long KEPT = 4L << 20;
    /** Bytes of a staging buffer kept for a virtual thread's next call (there may be very many). */
    public static final long KEPT_VIRTUAL = 64L << 10;
    /** The largest piece copied between an array and native memory at once (about 0.1 ms). */
    public static final long CHUNK = 1L << 20;
    /** Slots: one per buffer of a call. */
    public static final int SLOTS = 2;

    private static final MethodHandle MALLOC = NativeAccess.libc("malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
    private static final MethodHandle FREE = NativeAccess.libc("free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final ThreadLocal<Staging> LOCAL = ThreadLocal.withInitial(Staging::new);

    private final MemorySegment[] kept = {MemorySegment.NULL, MemorySegment.NULL};
    private final long limit = Thread.currentThread().isVirtual() ? KEPT_VIRTUAL : KEPT;
    private int busy;

    private Staging() {
    }

    /**
     * The native memory MPI gets for the first {@code bytes} of {@code seg}: {@code seg}
     * itself when it is native (or the NULL or IN_PLACE sentinel), else this thread's
     * staging buffer in {@code slot} holding a copy of them when {@code copyIn} (a buffer
     * MPI reads, or one it writes only in part), else its former contents. Release it with
     * {@link #release} in a {@code finally}.
     */
    public static MemorySegment in(MemorySegment seg, long bytes, int slot, boolean copyIn) {
        if (seg.isNative()) {
            return seg;
        }
        MemorySegment b = LOCAL.get().acquire(slot, bytes);
        if (copyIn) {
            copy(seg, b, bytes);
        }
        return b;
    }

    /**
     * {@link #in} for a buffer given as its base, a primitive array or a segment, and a
     * byte offset into it: the native memory MPI gets for {@code bytes} from there. An
     * array is copied element-wise, with no heap segment made for it, so a warm thread's
     * call allocates nothing. Release it with {@link #release(MemorySegment, Object, int)}.
     */
    public static MemorySegment in(Object base, long offset, long bytes, int slot, boolean copyIn) {
        if (base instanceof MemorySegment seg) {
            if (seg.isNative()) {
                return offset == 0 ? seg : seg.asSlice(offset);
            }
            return in(offset == 0 ? seg : seg.asSlice(offset), bytes, slot, copyIn);
        }
        MemorySegment b = LOCAL.get().acquire(slot, bytes);
        if (copyIn) {
            arrayCopy(base, offset, b, bytes, true);
        }
        return b;
    }

    /** Copies the first {@code bytes} of {@code staged} back to {@code offset} in the array or heap segment {@code base}. */
    public static void out(MemorySegment staged, Object base, long offset, long bytes) {
        if (base instanceof MemorySegment seg) {
            if (!seg.isNative()) {
                out(staged, offset == 0 ? seg : seg.asSlice(offset), bytes);
            }
            return;
        }
        arrayCopy(base, offset, staged, bytes, false);
    }

    /** A native call that reads {@code from} and writes {@code to}; returns MPI's error code. */
    @FunctionalInterface
    public interface Between {
        /** Makes the call on the native memory of both buffers. */
        int call(MemorySegment from, MemorySegment to);
    }

    /**
     * Runs {@code call} from the {@code fromBytes} at {@code fromOffset} in {@code from}
     * (slot 0, copied in) into the {@code toBytes} at {@code toOffset} in {@code to} (slot 1,
     * copied in when {@code copyIn}), each an array or a segment as for
     * {@link #in(Object, long, long, int, boolean)}. When the call succeeds, copies back the
     * first {@code toBytes} of {@code to}, or when {@code written} is not null as many as
     * the int it holds then says. Returns the call's error code.
     */
    public static int between(Object from, long fromOffset, long fromBytes, Object to, long toOffset, long toBytes,
                              boolean copyIn, MemorySegment written, Between call) {
        MemorySegment f = in(from, fromOffset, fromBytes, 0, true);
        try {
            MemorySegment t = in(to, toOffset, toBytes, 1, copyIn);
            try {
                int rc = call.call(f, t);
                if (rc == 0) {
                    out(t, to, toOffset, written == null ? toBytes : written.get(JAVA_INT, 0));
                }
                return rc;
            } finally {
                release(t, to, 1);
            }
        } finally {
            release(f, from, 0);
        }
    }

    /** Gives back what {@link #in(Object, long, long, int, boolean)} returned for {@code base} in {@code slot}. */
    public static void release(MemorySegment staged, Object base, int slot) {
        if (!(base instanceof MemorySegment seg && seg.isNative())) {
            giveBack(staged, slot);
        }
    }

    /**
     * Copies {@code bytes} between native {@code nat} and a primitive array from byte
     * {@code offset}, in pieces of at most {@link #CHUNK}. Whole elements go element-wise;
     * a ragged tail (a datatype that ends inside an element) goes through a heap segment.
     */
    private static void arrayCopy(Object array, long offset, MemorySegment nat, long bytes, boolean toNative) {
        ValueLayout layout = PrimitiveArrays.layout(array, "buf");
        long size = layout.byteSize();
        if (offset % size != 0 || bytes % size != 0) {
            MemorySegment heap = PrimitiveArrays.segment(array, "buf").asSlice(offset, bytes);
            if (toNative) {
                copy(heap, nat, bytes);
            } else {
                copy(nat, heap, bytes);
            }
            return;
        }
        int first = (int) (offset / size);
        int perChunk = (int) (CHUNK / size);
        for (long done = 0; done < bytes; ) {
            int n = (int) Math.min(perChunk, (bytes - done) / size);
            int index = first + (int) (done / size);
            if (toNative) {
                MemorySegment.copy(array, index, nat, layout, done, n);
            } else {
                MemorySegment.copy(nat, layout, done, array, index, n);
            }
            done += (long) n * size;
        }
    }

    /** Copies the first {@code bytes} of {@code staged} back into the heap segment it stands for. */
    public static void out(MemorySegment staged, MemorySegment seg, long bytes) {
        if (staged != seg) {
            copy(staged, seg, Math.min(bytes, seg.byteSize()));
        }
    }

    /** Gives back what {@link #in} returned for {@code seg} in {@code slot}. */
    public static void release(MemorySegment staged, MemorySegment seg, int slot) {
        if (staged != seg) {
            giveBack(staged, slot);
        }
    }

    private static void giveBack(MemorySegment staged, int slot) {
        Staging s = LOCAL.get();
        if (s.kept[slot] == staged) {
            s.busy &= ~(1 << slot);
        } else {
            free(staged);
        }
    }

    /**
     * Copies {@code bytes} from the start of {@code from} to the start of {@code to}, in
     * pieces of at most {@link #CHUNK}: a copy involving the heap runs without a safepoint
     * check, so a large one in one piece would hold back every garbage collection.
     */
    public static void copy(MemorySegment from, MemorySegment to, long bytes) {
        for (long at = 0; at < bytes; at += CHUNK) {
            MemorySegment.copy(from, at, to, at, Math.min(CHUNK, bytes - at));
        }
    }

    private MemorySegment acquire(int slot, long bytes) {
        int bit = 1 << slot;
        if ((busy & bit) == 0 && bytes <= limit) {
            // never hand out the initial NULL (size 0), not even for 0 bytes: callers tell a
            // staged buffer from MPI's NULL sentinel by identity
            if (kept[slot].byteSize() < Math.max(bytes, 1)) {
                kept[slot] = Arena.ofAuto().allocate(Math.max(256, Long.highestOneBit(Math.max(1, bytes - 1)) << 1), 16);
            }
            busy |= bit;
            return kept[slot];
        }
        return allocate(bytes);
    }

    /**
     * A buffer of {@code bytes} from C's {@code malloc} (at least 1 byte; 16-byte aligned),
     * not tied to an arena: free it with {@link #free}. For staging memory whose owner
     * frees it on whichever thread finishes with it (a shared arena would do the same, but
     * its close handshakes with every thread of the JVM). A large buffer may be one that
     * {@link #free} kept mapped for reuse ({@link StagingPool}).
     */
    public static MemorySegment allocate(long bytes) {
        int c = StagingPool.sizeClass(bytes);
        if (c >= 0) {
            MemorySegment kept = StagingPool.take(c);
            return NativeAccess.sized(kept != null ? kept : malloc(StagingPool.classBytes(c)), bytes);
        }
        return NativeAccess.sized(malloc(Math.max(bytes, 1)), bytes);
    }

    private static MemorySegment malloc(long bytes) {
        MemorySegment p;
        try {
            p = (MemorySegment) MALLOC.invokeExact(bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc failed", t);
        }
        if (p.address() == 0) {
            throw new OutOfMemoryError("malloc(" + bytes + ") failed: no native memory for a staging buffer");
        }
        return p;
    }

    /** Frees a buffer from {@link #allocate}. */
    public static void free(MemorySegment buffer) {
        int c = StagingPool.sizeClass(buffer.byteSize());
        if (c < 0) {
            freeNow(buffer);
            return;
        }
        for (MemorySegment m : StagingPool.give(c, buffer)) {
            freeNow(m);
        }
    }

    private static void freeNow(MemorySegment buffer) {
        try {
            FREE.invokeExact(buffer);
        } catch (Throwable t) {
            throw new IllegalStateException("free failed", t);
        }
    }
}
