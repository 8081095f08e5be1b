package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Scratch;
import org.jmpi.internal.Staging;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The bodies of {@link Packing}. MPI gets the packed bytes of one call only, from the
 * position on, with a position of 0 and their exact size: a native segment's slice, or
 * for heap memory this thread's staging memory, copied back (pack) or in (unpack) around
 * an ordinary downcall.
 */
final class PackCalls {
    private PackCalls() {
    }

    static int packSize(Comm c, int count, Datatype type) {
        c.check();
        Objects.requireNonNull(type, "type");
        if (count < 0) {
            throw new IllegalArgumentException("count: must not be negative, got " + count);
        }
        MemorySegment out = Scratch.words();
        Errors.check(MpiCalls.MPI_Pack_size(count, type.handle(), c.handle, out), "MPI_Pack_size");
        return out.get(JAVA_INT, 0);
    }

    /** Packs the message {@code buf} into {@code packed}, a segment or a byte array, at {@code position}. */
    static int pack(Comm c, Object buf, Object packed, int position) {
        c.check();
        Object base = Msg.base(buf, "buf");
        Object out = packed(packed, true);
        long offset = Msg.offset(buf);
        int n = Msg.count(buf, "buf");
        Datatype type = Msg.type(buf, "buf");
        int bytes = room(out, position, n, type, "pack");
        long lead = Blocks.first(n, type);
        MemorySegment t = type.handle();
        MemorySegment at = Scratch.words();
        at.set(JAVA_INT, 0, 0);
        int rc = Staging.between(base, offset + lead, Buffers.span(n, type) - lead, out, position, bytes, false, at,
                (in, to) -> MpiCalls.MPI_Pack(lead == 0 ? in : in.asSlice(-lead), n, t, to, bytes, at, c.handle));
        Errors.check(rc, "MPI_Pack");
        return position + at.get(JAVA_INT, 0);
    }

    /** Unpacks from {@code packed}, a segment or a byte array, at {@code position} into the message {@code buf}. */
    static int unpack(Comm c, Object packed, int position, Object buf) {
        c.check();
        Object in = packed(packed, false);
        Object base = Msg.target(buf, "buf");
        long offset = Msg.offset(buf);
        int n = Msg.count(buf, "buf");
        Datatype type = Msg.type(buf, "buf");
        int bytes = room(in, position, n, type, "unpack");
        long lead = Blocks.first(n, type);
        long span = Buffers.span(n, type) - lead;
        MemorySegment t = type.handle();
        MemorySegment at = Scratch.words();
        at.set(JAVA_INT, 0, 0);
        int rc = Staging.between(in, position, bytes, base, offset + lead, span, P2p.copyIn(span, type), null,
                (from, to) -> MpiCalls.MPI_Unpack(from, bytes, at, lead == 0 ? to : to.asSlice(-lead), n, t,
                        c.handle));
        Errors.check(rc, "MPI_Unpack");
        return position + at.get(JAVA_INT, 0);
    }

    /** The packed buffer checked: a byte array, or a segment (writable when packing into it). */
    private static Object packed(Object packed, boolean written) {
        Objects.requireNonNull(packed, "packed");
        if (packed instanceof MemorySegment m) {
            return written ? Args.writable(m, "packed") : Args.segment(m, "packed");
        }
        return packed;
    }

    /**
     * The packed bytes of {@code n x type} ({@code n x type.size()}), checked to lie in
     * {@code packed} from {@code position} and within MPI's int positions.
     */
    private static int room(Object packed, int position, int n, Datatype type, String call) {
        long size = Blocks.size(packed);
        if (position < 0 || position > size) {
            throw new IllegalArgumentException("position: " + position + " is outside the packed buffer of " + size
                    + " bytes");
        }
        long bytes = Math.multiplyExact((long) n, type.size());
        if (bytes > size - position) {
            throw new IllegalArgumentException("packed: " + n + " x " + type + " " + (call.equals("pack") ? "pack to"
                    : "unpack from") + " " + bytes + " bytes, but the packed buffer has " + (size - position)
                    + " from position " + position);
        }
        if (position + bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("packed: " + call + " would end at byte " + (position + bytes)
                    + ", beyond MPI's int positions");
        }
        return (int) bytes;
    }
}
