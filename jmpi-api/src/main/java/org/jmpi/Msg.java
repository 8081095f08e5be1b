package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.internal.Args;
import org.jmpi.internal.PrimitiveArrays;

/**
 * Reads a message argument: a {@link Buf}, or a primitive array standing for all of
 * itself with its default datatype. The four parts are read separately so that a call
 * on an array makes no object (the JIT folds the type checks for a call site that always
 * passes the same kind).
 */
final class Msg {
    private Msg() {
    }

    /** The memory: the array itself, or the {@code Buf}'s base; null is refused naming {@code arg}. */
    static Object base(Object buf, String arg) {
        Objects.requireNonNull(buf, arg);
        if (buf instanceof Buf b) {
            return b.base() instanceof MemorySegment m ? Args.segment(m, arg) : b.base();
        }
        PrimitiveArrays.layout(buf, arg);
        return buf;
    }

    /** {@link #base} of a buffer MPI writes: a segment must also be writable. */
    static Object target(Object buf, String arg) {
        Object base = base(buf, arg);
        return base instanceof MemorySegment m ? Args.writable(m, arg) : base;
    }

    /** Bytes from the start of the base to the first element. */
    static long offset(Object buf) {
        return buf instanceof Buf b ? b.offset() : 0;
    }

    /** The element count: the {@code Buf}'s, or the array's length. */
    static int count(Object buf, String arg) {
        return buf instanceof Buf b ? b.count() : PrimitiveArrays.length(buf, arg);
    }

    /** The datatype: the {@code Buf}'s, or the array's element type's. */
    static Datatype type(Object buf, String arg) {
        return buf instanceof Buf b ? b.type() : Buf.defaultType(buf, arg);
    }

    /** The message as a typed view (made for an array); for the calls whose cost is not per element. */
    static Buf view(Object buf, String arg) {
        Objects.requireNonNull(buf, arg);
        return buf instanceof Buf b ? b : new Buf(buf, 0, PrimitiveArrays.length(buf, arg), Buf.defaultType(buf, arg));
    }

    /** The memory of a message from its first element, as a segment (a heap segment for an array). */
    static MemorySegment segment(Object buf, String arg) {
        base(buf, arg);
        return view(buf, arg).segment();
    }

    /** The memory at {@code offset} bytes into {@code base} (a segment, or an array seen as a heap segment). */
    static MemorySegment at(Object base, long offset) {
        MemorySegment s = base instanceof MemorySegment m ? m : PrimitiveArrays.segment(base, "buf");
        return offset == 0 ? s : s.asSlice(offset);
    }
}
