package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.internal.Args;

/**
 * The checks that blocking and nonblocking collectives share: where {@code IN_PLACE} is
 * allowed, what each side of a collective is (a {@link Buf}, all of an array, or all of
 * a segment in the segment forms), buffers split into equal blocks, and count,
 * displacement and datatype arrays (one entry per rank) against the buffer they describe.
 */
final class Blocks {
    private Blocks() {
    }

    /**
     * A side of a v or w form: {@code bytes} bytes of {@code base} from byte {@code offset},
     * with the datatype of its elements (the w forms do not use it).
     */
    record Region(Object base, long offset, long bytes, Datatype type) {
    }

    /**
     * Whether {@code buf} is {@code IN_PLACE} in a collective on {@code c}: refused on an
     * intercommunicator, and unless {@code allowed}, saying {@code where} it is.
     */
    static boolean inPlace(Comm c, Object buf, String arg, boolean allowed, String where) {
        if (c.inter && buf == Args.IN_PLACE) {
            throw new IllegalArgumentException(arg + ": IN_PLACE is not accepted on an intercommunicator");
        }
        return inPlace(buf, arg, allowed, where);
    }

    /** The name of the count a per-rank array of {@code c} must match, for messages. */
    static String sizeName(Comm c) {
        return c.inter ? "the remote group size" : "the communicator size";
    }

    /** Whether {@code buf} is {@code IN_PLACE}; refuses it unless {@code allowed}, saying {@code where} it is. */
    static boolean inPlace(Object buf, String arg, boolean allowed, String where) {
        if (buf != Args.IN_PLACE) {
            return false;
        }
        if (!allowed) {
            throw new IllegalArgumentException(arg + ": IN_PLACE is only accepted " + where);
        }
        return true;
    }

    /** Refuses {@code IN_PLACE} as a side that has no in-place form. */
    static void notInPlace(Object buf, String arg) {
        if (buf == Args.IN_PLACE) {
            Args.segment(Args.IN_PLACE, arg);
        }
    }

    /**
     * The memory of a side, checked (a segment MPI writes must be writable): a segment of
     * the segment forms ({@code segType} not null), else an array or a {@code Buf}'s base.
     */
    static Object base(Object buf, Datatype segType, boolean written, String arg) {
        notInPlace(buf, arg);
        if (segType != null && !(buf instanceof Buf)) {
            MemorySegment seg = (MemorySegment) buf;
            return written ? Args.writable(seg, arg) : Args.segment(seg, arg);
        }
        return written ? Msg.target(buf, arg) : Msg.base(buf, arg);
    }

    /**
     * A side that holds one block: a {@code Buf} as given, all of an array with its
     * element type's datatype, or all of a segment as elements of {@code segType}.
     */
    static Buf one(Object buf, Datatype segType, boolean written, String arg) {
        Object base = base(buf, segType, written, arg);
        if (buf instanceof Buf b) {
            return b;
        }
        Datatype type = segType != null ? segType : Buf.defaultType(base, arg);
        int count = base instanceof MemorySegment seg ? Buffers.countOf(seg, type, arg) : Buf.length(base, arg);
        return new Buf(base, 0, count, type);
    }

    /**
     * A side that holds {@code blocks} blocks, as a {@code Buf} whose count is per block: a
     * {@code Buf} as given (its count is per block, as C's), or all of an array or segment,
     * in blocks of {@code one}'s count when {@code one} (the other side, null if absent) has
     * the same datatype, else split into equal blocks. Checks that the blocks fit.
     */
    static Buf many(Object buf, Datatype segType, boolean written, String arg, int blocks, Buf one) {
        Object base = base(buf, segType, written, arg);
        if (buf instanceof Buf b) {
            fits(base, b.offset(), (long) blocks * b.count(), b.type(), arg);
            return b;
        }
        Datatype type = segType != null ? segType : Buf.defaultType(base, arg);
        int per;
        if (blocks == 0) {
            per = 0;
        } else if (one != null && one.type() == type) {
            per = one.count();
        } else {
            long total = base instanceof MemorySegment seg ? Buffers.countOf(seg, type, arg) : Buf.length(base, arg);
            per = split(total, blocks, arg);
        }
        fits(base, 0, (long) per * blocks, type, arg);
        return new Buf(base, 0, per, type);
    }

    /** A side of a v or w form: all of the memory from a {@code Buf}'s offset, an array or a segment. */
    static Region region(Object buf, Datatype segType, boolean written, String arg) {
        Object base = base(buf, segType, written, arg);
        long offset = Msg.offset(buf);
        Datatype type = buf instanceof Buf b ? b.type() : segType != null ? segType : Buf.defaultType(base, arg);
        return new Region(base, offset, size(base) - offset, type);
    }

    /** Refuses counts per block that differ between the sides of one datatype (MPI needs equal type signatures). */
    static void matching(Buf one, String oneArg, Buf many, String manyArg) {
        if (one != null && many != null && one.type() == many.type() && one.count() != many.count()) {
            throw new IllegalArgumentException(manyArg + ": " + many.count() + " elements per block differ from the "
                    + one.count() + " of " + oneArg);
        }
    }

    /** Refuses a second datatype in a reduction, which takes one. */
    static void sameType(Datatype type, String arg, Datatype other, String otherArg) {
        if (type != other) {
            throw new IllegalArgumentException(arg + ": datatype " + type + " differs from " + otherArg + "'s "
                    + other + "; a reduction takes one datatype");
        }
    }

    /** The bytes of an array or segment. */
    static long size(Object base) {
        return base instanceof MemorySegment m ? m.byteSize() : (long) Buf.length(base, "buf") * Buf.elementSize(base);
    }

    /**
     * The first byte that {@code count} elements of {@code type} touch, relative to the
     * start of the first: 0, or negative for a type whose data lies before its start.
     */
    static long first(long count, Datatype type) {
        return count == 0 || type.contained() ? 0 : Math.min(0, type.trueLowerBound()
                + Math.min(0, (count - 1) * type.extent()));
    }

    /**
     * Checks that {@code count} elements of {@code type} from byte {@code offset} of
     * {@code base} (an array or segment) lie inside it.
     */
    static void fits(Object base, long offset, long count, Datatype type, String arg) {
        long size = size(base) - offset;
        String where = (base instanceof MemorySegment ? "the segment" : "the array")
                + (offset == 0 ? "" : " from byte " + offset);
        if (type.contained()) {
            long need = Args.bytes(count, type.extent(), arg, type);
            if (need > size) {
                throw new IllegalArgumentException(arg + ": " + count + " x " + type + " needs " + need
                        + " bytes but " + where + " has " + size);
            }
        } else if (count > 0) {
            long d = Args.bytes(count - 1, type.extent(), arg, type);
            long first = Args.sum(type.trueLowerBound(), Math.min(0, d), arg);
            long end = Args.sum(type.trueLowerBound() + type.trueExtent(), Math.max(0, d), arg);
            if (first < -offset || end > size) {
                throw new IllegalArgumentException(arg + ": " + count + " x " + type + " touch bytes [" + first
                        + ", " + end + ") but " + where + " has " + size);
            }
        }
    }

    /** {@code total} elements in {@code blocks} (at least one) equal blocks: the elements of each. */
    static int split(long total, int blocks, String arg) {
        if (total % blocks != 0) {
            throw new IllegalArgumentException(arg + ": " + total + " elements do not split into " + blocks
                    + " equal blocks");
        }
        return Args.count(total / blocks, arg);
    }

    /**
     * Checks a per-rank count array (not null, {@code size} entries, none negative); returns
     * the sum. {@code sizeName} says what {@code size} is ("the communicator size").
     */
    static long counts(int[] counts, int size, String sizeName, String arg) {
        return perRankInts(counts, size, sizeName, arg, "count");
    }

    private static long perRankInts(int[] values, int size, String sizeName, String arg, String what) {
        Objects.requireNonNull(values, arg);
        if (values.length != size) {
            throw new IllegalArgumentException(arg + ": length " + values.length + " differs from " + sizeName + " "
                    + size);
        }
        long sum = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] < 0) {
                throw new IllegalArgumentException(arg + "[" + i + "]: " + what + " must not be negative, got "
                        + values[i]);
            }
            sum += values[i];
        }
        return sum;
    }

    /**
     * Checks blocks of {@code counts[i]} elements at {@code displs[i]} elements into the
     * region {@code r} ({@code arg}), {@code size} of each ({@code sizeName} says what that
     * is); returns the end of the last byte they touch, the bytes MPI may use.
     */
    static long blocks(Region r, String arg, int[] counts, String countsArg, int[] displs, String displsArg,
                       int size, String sizeName) {
        counts(counts, size, sizeName, countsArg);
        perRankInts(displs, size, sizeName, displsArg, "displacement");
        long extent = r.type().extent();
        long end = 0;
        for (int i = 0; i < size; i++) {
            long at = Args.bytes(displs[i], extent, displsArg + "[" + i + "]", r.type());
            end = Math.max(end, fits(r, arg, displsArg, i, at, counts[i], r.type()));
        }
        return end;
    }

    /** As {@link #blocks}, with {@code types[i]} per block and {@code displs[i]} in bytes. */
    static long typedBlocks(Region r, String arg, int[] counts, String countsArg, int[] displs, String displsArg,
                            Datatype[] types, String typesArg, int size, String sizeName) {
        counts(counts, size, sizeName, countsArg);
        perRankInts(displs, size, sizeName, displsArg, "displacement");
        Objects.requireNonNull(types, typesArg);
        if (types.length != size) {
            throw new IllegalArgumentException(typesArg + ": length " + types.length + " differs from " + sizeName
                    + " " + size);
        }
        long end = 0;
        for (int i = 0; i < size; i++) {
            Datatype t = Objects.requireNonNull(types[i], typesArg + "[" + i + "]");
            end = Math.max(end, fits(r, arg, displsArg, i, displs[i], counts[i], t));
        }
        return end;
    }

    /** Checks block i ({@code count} x {@code type} at byte {@code at}) inside {@code r}; returns its end. */
    private static long fits(Region r, String arg, String displsArg, int i, long at, int count, Datatype type) {
        String where = displsArg + "[" + i + "]";
        long first = at;
        long end;
        if (count > 0 && !type.contained()) {
            long d = Args.bytes((long) count - 1, type.extent(), where, type);
            first = Args.sum(Args.sum(at, type.trueLowerBound(), where), Math.min(0, d), where);
            end = Args.sum(Args.sum(at, type.trueLowerBound() + type.trueExtent(), where), Math.max(0, d), where);
        } else {
            end = Args.sum(at, Args.bytes(count, type.extent(), where, type), where);
        }
        if (first < 0 || end > r.bytes()) {
            throw new IllegalArgumentException(displsArg + "[" + i + "]: block " + i + " (" + count + " x " + type
                    + " at byte " + at + ") spans bytes [" + first + ", " + end + ") but " + arg + " has "
                    + r.bytes());
        }
        return end;
    }

    /** Checks that this rank's own buffer holds exactly its block of {@code counts}. */
    static void own(int n, int[] counts, int rank, String arg, String countsArg) {
        if (n != counts[rank]) {
            throw new IllegalArgumentException(arg + ": holds " + n + " elements but " + countsArg + "[" + rank
                    + "] is " + counts[rank]);
        }
    }
}
