package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.internal.Args;

/**
 * The checks that blocking and nonblocking collectives share: where {@code IN_PLACE} is
 * allowed, buffers split into equal blocks, and count, displacement and datatype arrays
 * (one entry per rank) against the buffer they describe.
 */
final class Blocks {
    private Blocks() {
    }

    /**
     * Whether {@code seg} is {@code IN_PLACE} in a collective on {@code c}: refused on an
     * intercommunicator, and unless {@code allowed}, saying {@code where} it is.
     */
    static boolean inPlace(Comm c, MemorySegment seg, String arg, boolean allowed, String where) {
        if (c.inter && seg == Args.IN_PLACE) {
            throw new IllegalArgumentException(arg + ": IN_PLACE is not accepted on an intercommunicator");
        }
        return inPlace(seg, arg, allowed, where);
    }

    /** The name of the count a per-rank array of {@code c} must match, for messages. */
    static String sizeName(Comm c) {
        return c.inter ? "the remote group size" : "the communicator size";
    }

    /** Whether {@code seg} is {@code IN_PLACE}; refuses it unless {@code allowed}, saying {@code where} it is. */
    static boolean inPlace(MemorySegment seg, String arg, boolean allowed, String where) {
        if (seg != Args.IN_PLACE) {
            return false;
        }
        if (!allowed) {
            throw new IllegalArgumentException(arg + ": IN_PLACE is only accepted " + where);
        }
        return true;
    }

    /** The elements per rank of a buffer holding {@code size} equal blocks. */
    static int perRank(MemorySegment seg, Datatype type, int size, String arg) {
        int total = Buffers.countOf(seg, type, arg);
        if (total % size != 0) {
            throw new IllegalArgumentException(arg + ": " + total + " elements do not split into " + size
                    + " equal blocks");
        }
        return total / size;
    }

    /**
     * The elements per block: of {@code whole} ({@code size} blocks) when {@code part} is
     * null (in place), else of {@code part}, checking that {@code whole}, when not null,
     * fits {@code size} such blocks.
     */
    static int perBlock(MemorySegment part, String partArg, MemorySegment whole, String wholeArg, Datatype type,
                        int size) {
        if (part == null) {
            return perRank(whole, type, size, wholeArg);
        }
        int n = Buffers.countOf(part, type, partArg);
        if (whole != null) {
            Buffers.fits(whole, (long) n * size, type, wholeArg);
        }
        return n;
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
     * Checks blocks of {@code counts[i]} elements at {@code displs[i]} elements into
     * {@code seg}, {@code size} of each ({@code sizeName} says what that is).
     */
    static void blocks(MemorySegment seg, String arg, int[] counts, String countsArg, int[] displs, String displsArg,
                       Datatype type, int size, String sizeName) {
        counts(counts, size, sizeName, countsArg);
        perRankInts(displs, size, sizeName, displsArg, "displacement");
        long extent = type.extent();
        for (int i = 0; i < size; i++) {
            fits(seg, arg, displsArg, i, Args.bytes(displs[i], extent, displsArg + "[" + i + "]", type), counts[i],
                    type);
        }
    }

    /** As {@link #blocks}, with {@code types[i]} per block and {@code displs[i]} in bytes. */
    static void typedBlocks(MemorySegment seg, String arg, int[] counts, String countsArg, int[] displs,
                            String displsArg, Datatype[] types, String typesArg, int size, String sizeName) {
        counts(counts, size, sizeName, countsArg);
        perRankInts(displs, size, sizeName, displsArg, "displacement");
        Objects.requireNonNull(types, typesArg);
        if (types.length != size) {
            throw new IllegalArgumentException(typesArg + ": length " + types.length + " differs from " + sizeName
                    + " " + size);
        }
        for (int i = 0; i < size; i++) {
            fits(seg, arg, displsArg, i, displs[i], counts[i], Objects.requireNonNull(types[i], typesArg + "[" + i + "]"));
        }
    }

    private static void fits(MemorySegment seg, String arg, String displsArg, int i, long at, int count, Datatype type) {
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
        if (first < 0 || end > seg.byteSize()) {
            throw new IllegalArgumentException(displsArg + "[" + i + "]: block " + i + " (" + count + " x " + type
                    + " at byte " + at + ") spans bytes [" + first + ", " + end + ") but " + arg + " has "
                    + seg.byteSize());
        }
    }

    /** Checks that this rank's own buffer holds exactly its block of {@code counts}. */
    static void own(int n, int[] counts, int rank, String arg, String countsArg) {
        if (n != counts[rank]) {
            throw new IllegalArgumentException(arg + ": holds " + n + " elements but " + countsArg + "[" + rank
                    + "] is " + counts[rank]);
        }
    }
}
