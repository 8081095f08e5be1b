package mpi;

import java.lang.foreign.MemorySegment;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

import org.jmpi.Buf;

/**
 * The buffers of the {@code mpi} API as jmpi {@link Buf}s: Java primitive arrays, heap
 * buffers (over their array, from its array offset) and direct buffers (the native memory
 * itself, zero copy), each from its element 0 whatever its position, holding {@code count}
 * elements of the datatype. A {@code boolean[]} goes through a byte array, copied back by
 * {@link Region#done()} after a receive.
 */
final class Buffers {
    private Buffers() {
    }

    /** A buffer for one blocking call, and what to do once the call has written it. */
    static final class Region {
        final Buf buf;
        private final boolean[] bools;
        private final byte[] staged;

        Region(Buf buf, boolean[] bools, byte[] staged) {
            this.buf = buf;
            this.bools = bools;
            this.staged = staged;
        }

        /** Copies received bytes back into a {@code boolean[]}; nothing for other memory. */
        void done() {
            if (bools != null) {
                for (int i = 0; i < bools.length; i++) {
                    bools[i] = staged[i] != 0;
                }
            }
        }
    }

    /** A direct buffer of {@code count} elements of {@code size} bytes, in native order. */
    static ByteBuffer newBytes(int count, int size) {
        if (count < 0 || (long) count * size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("capacity: " + count + " elements of " + size + " bytes");
        }
        return ByteBuffer.allocateDirect(count * size).order(ByteOrder.nativeOrder());
    }

    /** Refuses a buffer that is not direct, as nonblocking calls need memory that does not move. */
    static void requireDirect(Buffer buf, String arg) {
        if (buf == null) {
            throw new IllegalArgumentException("The " + arg + " must be direct: it is null.");
        }
        if (!buf.isDirect()) {
            throw new IllegalArgumentException("The " + arg + " must be direct.");
        }
    }

    /** Bytes of one element of a buffer. */
    static int elementSize(Buffer b) {
        return switch (b) {
            case ByteBuffer x -> 1;
            case CharBuffer x -> 2;
            case ShortBuffer x -> 2;
            case IntBuffer x -> 4;
            case FloatBuffer x -> 4;
            case LongBuffer x -> 8;
            case DoubleBuffer x -> 8;
            default -> 1;
        };
    }

    /**
     * {@code count} elements of {@code type} at the start of {@code buf} (an array or a
     * buffer) for a blocking call; a {@code boolean[]} is copied when {@code in}.
     */
    static Region blocking(Object buf, int count, Datatype type, String arg, boolean in) {
        org.jmpi.Datatype t = checked(count, type, arg);
        if (buf instanceof boolean[] bools) {
            byte[] staged = new byte[bools.length];
            if (in) {
                for (int i = 0; i < bools.length; i++) {
                    staged[i] = (byte) (bools[i] ? 1 : 0);
                }
            }
            return new Region(view(staged, 0, count, t, arg), bools, staged);
        }
        return new Region(of(buf, count, t, arg), null, null);
    }

    /**
     * The message of a blocking call: {@link #blocking}'s buffer, with no {@link Region}
     * made for it, so that a call on an array or a direct buffer allocates no more than
     * its {@link Buf}. A {@code boolean[]} is copied in, so this serves a receive only
     * for other memory.
     */
    static Buf message(Object buf, int count, Datatype type, String arg) {
        if (buf instanceof boolean[]) {
            return blocking(buf, count, type, arg, true).buf;
        }
        return of(buf, count, checked(count, type, arg), arg);
    }

    /** {@code count} elements of {@code type} at the start of a direct buffer, for a nonblocking call. */
    static Buf direct(Buffer buf, int count, Datatype type, String arg) {
        requireDirect(buf, arg);
        return of(buf, count, checked(count, type, arg), arg);
    }

    /** The segment of a direct buffer (all of its capacity), or null for any other {@code buf}. */
    static MemorySegment directOrNull(Object buf) {
        return buf instanceof Buffer b && (b.isDirect() || !b.hasArray()) ? DirectSegments.of(b) : null;
    }

    /**
     * The first {@code count} elements of {@code t} in a direct buffer, as a segment of just
     * their bytes, for the calls that take the count from the segment's size; null for any
     * other {@code buf}, and for a derived {@code t} (whose data may not fill its extents).
     */
    static MemorySegment directPrefix(Object buf, int count, org.jmpi.Datatype t, String arg) {
        if (!(buf instanceof Buffer b && (b.isDirect() || !b.hasArray())) || !t.isPredefined()) {
            return null;
        }
        long bytes = (long) count * t.extent();
        try {
            return DirectSegments.prefix(b, bytes);
        } catch (IndexOutOfBoundsException e) {
            throw Failure.arg(MPI.ERR_BUFFER, arg + ": " + count + " x " + t + " need " + bytes
                    + " bytes but the buffer has " + DirectSegments.of(b).byteSize());
        }
    }

    /** The jmpi datatype of {@code type}, checked with {@code count} for the buffer {@code arg}. */
    static org.jmpi.Datatype checked(int count, Datatype type, String arg) {
        if (type == null) {
            throw Failure.arg(MPI.ERR_TYPE, "type of " + arg + ": null");
        }
        org.jmpi.Datatype t = type.forBuffer();
        if (count < 0) {
            throw Failure.arg(MPI.ERR_COUNT, "count of " + arg + ": " + count + " is negative");
        }
        return t;
    }

    /** The memory of an array or buffer as a jmpi message of {@code count} elements of {@code t}. */
    static Buf of(Object buf, int count, org.jmpi.Datatype t, String arg) {
        if (buf == null) {
            if (count == 0) {
                return Buf.of(new byte[0], 0, 0, t);
            }
            throw Failure.arg(MPI.ERR_BUFFER, arg + ": null");
        }
        if (buf instanceof Buffer b) {
            if (b.isDirect() || !b.hasArray()) {
                return segment(DirectSegments.of(b), count, t, arg);
            }
            return view(b.array(), b.arrayOffset(), count, t, arg);
        }
        if (!buf.getClass().isArray() || !buf.getClass().getComponentType().isPrimitive()
                || buf instanceof boolean[]) {
            throw Failure.arg(MPI.ERR_BUFFER, arg + ": a " + buf.getClass().getSimpleName()
                    + " is neither a primitive array nor a buffer");
        }
        return view(buf, 0, count, t, arg);
    }

    private static Buf view(Object array, int offset, int count, org.jmpi.Datatype t, String arg)
            {
        try {
            return Buf.of(array, offset, count, t);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw Failure.arg(MPI.ERR_BUFFER, arg + ": " + e.getMessage());
        }
    }

    private static Buf segment(MemorySegment seg, int count, org.jmpi.Datatype t, String arg) {
        try {
            return Buf.at(seg, 0, count, t);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw Failure.arg(MPI.ERR_BUFFER, arg + ": " + e.getMessage());
        }
    }
}
