package org.jmpi;

import java.lang.foreign.MemorySegment;

/**
 * Packing messages into a contiguous buffer and back (MPI 3.1 4.2: {@code MPI_Pack},
 * {@code MPI_Unpack}, {@code MPI_Pack_size}), for this {@link Comm}: the packed form is
 * what a message of {@link Datatype#PACKED} on this communicator carries, so several
 * messages of any datatypes can travel as one and be unpacked in the same order.
 *
 * <pre>{@code
 * byte[] packed = new byte[world.packSize(1, Datatype.INT32) + world.packSize(3, Datatype.DOUBLE)];
 * int position = world.pack(new int[] {n}, packed, 0);
 * position = world.pack(new double[] {x, y, z}, packed, position);
 * world.send(Buf.of(packed, 0, position, Datatype.PACKED), dest, tag);
 * // on the receiver, after receiving into packed:
 * int at = world.unpack(packed, 0, count);           // int[] count = new int[1]
 * at = world.unpack(packed, at, xyz);                // double[] xyz = new double[3]
 * }</pre>
 *
 * A message is an array (all of it, its element type's datatype) or a {@link Buf} (its own
 * offset, count and datatype, over an array or a segment). The packed buffer is a
 * {@code MemorySegment} (native or heap) or a {@code byte[]}, with the byte position where
 * packing or unpacking goes on; each call returns the position after what it packed or
 * unpacked, as MPI's in/out {@code position} does. A message of {@code count} elements of
 * {@code type} takes {@code count x type.size()} packed bytes (what {@link #packSize}
 * returns on the MPIs jmpi runs on); a position outside the packed buffer, or too little
 * room in it from the position, is refused before MPI is called. Local calls: heap memory
 * is copied through this thread's native staging memory, never pinned.
 */
public sealed interface Packing permits Comm {

    /**
     * The bytes {@code count} elements of {@code type} take packed on this communicator
     * ({@code MPI_Pack_size}): an upper bound MPI guarantees, here also the exact size.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    default int packSize(int count, Datatype type) {
        return PackCalls.packSize((Comm) this, count, type);
    }

    /**
     * Packs the message {@code buf} (an array or a {@link Buf}) into {@code packed} from
     * byte {@code position} ({@code MPI_Pack}); returns the position after it.
     *
     * @throws IllegalArgumentException if {@code position} is outside {@code packed} or the
     *                                  packed message does not fit from there
     */
    default int pack(Object buf, MemorySegment packed, int position) {
        return PackCalls.pack((Comm) this, buf, packed, position);
    }

    /** {@link #pack(Object, MemorySegment, int)} into a byte array. */
    default int pack(Object buf, byte[] packed, int position) {
        return PackCalls.pack((Comm) this, buf, packed, position);
    }

    /**
     * Unpacks from {@code packed} at byte {@code position} into the message {@code buf}
     * (an array or a {@link Buf}), as many elements of its datatype as it holds
     * ({@code MPI_Unpack}); returns the position after what was unpacked.
     *
     * @throws IllegalArgumentException if {@code position} is outside {@code packed} or
     *                                  {@code packed} holds fewer bytes than the message from there
     */
    default int unpack(MemorySegment packed, int position, Object buf) {
        return PackCalls.unpack((Comm) this, packed, position, buf);
    }

    /** {@link #unpack(MemorySegment, int, Object)} from a byte array. */
    default int unpack(byte[] packed, int position, Object buf) {
        return PackCalls.unpack((Comm) this, packed, position, buf);
    }
}
