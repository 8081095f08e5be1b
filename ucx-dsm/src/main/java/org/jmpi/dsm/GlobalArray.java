package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * What the global arrays share: an array of 8-byte elements spread over the ranks of a {@link
 * DsmContext}, addressed by global index, with its length, distribution, owners, this rank's
 * part, a collective sync and a local close. {@link GlobalLongArray} and {@link
 * GlobalDoubleArray} add the typed element access.
 */
public abstract sealed class GlobalArray implements AutoCloseable permits GlobalLongArray, GlobalDoubleArray {
    final GlobalLayout layout;

    GlobalArray(GlobalLayout layout) {
        this.layout = layout;
    }

    /** The number of elements. */
    public long length() {
        return layout.length;
    }

    /** The distribution. */
    public Distribution distribution() {
        return layout.dist;
    }

    /** The rank that holds element {@code index}. */
    public int owner(long index) {
        return layout.owner(index);
    }

    /** The elements this rank holds (in local order), as a live view. */
    public MemorySegment localPart() {
        int me = layout.window.context().rank();
        return layout.window.memory().asSlice(0, 8 * layout.localLength(me));
    }

    /** Waits until every rank's updates are visible everywhere (collective: {@link DsmContext#barrier()}). */
    public void sync() {
        layout.window.context().barrier();
    }

    /** Frees the storage (local; see {@link Window#close()}). */
    @Override
    public void close() {
        layout.window.close();
    }

    /** The 8-byte word of element {@code index}. */
    final long word(long index) {
        return layout.window.longs().get(owner(index), layout.offset(index));
    }

    /** Sets the 8-byte word of element {@code index} to {@code bits}, complete at its owner on return. */
    final void setWord(long index, long bits) {
        int r = owner(index);
        layout.window.longs().put(bits, r, layout.offset(index));
        layout.window.flush(r);
    }

    /**
     * Moves elements [from, from+count) to ({@code write} false) or from {@code array[offset
     * ...]}, a {@code long[]} or {@code double[]} named {@code name}.
     */
    final void range(long from, Object array, int offset, int count, boolean write, String name) {
        Objects.requireNonNull(array, name);
        Objects.checkFromIndexSize(offset, count, Array.getLength(array));
        MemorySegment whole = array instanceof long[] longs ? MemorySegment.ofArray(longs)
                : MemorySegment.ofArray((double[]) array);
        layout.transfer(from, whole.asSlice(8L * offset, 8L * count), count, write);
    }
}
