package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.Op;

/**
 * An array of {@code double} spread over the ranks of a {@link DsmContext}, addressed by
 * global index only. {@link #set} and {@link #setRange} complete at the owner before
 * returning; {@link #fetchAdd} is a remote compare-and-swap loop. Creation is collective; the array
 * starts zeroed (0.0).
 */
public final class GlobalDoubleArray implements AutoCloseable {
    private final GlobalLayout layout;

    private GlobalDoubleArray(GlobalLayout layout) {
        this.layout = layout;
    }

    /** Creates an array of {@code length} zeroes distributed as {@code dist} (collective). */
    public static GlobalDoubleArray create(DsmContext ctx, long length, Distribution dist) {
        return new GlobalDoubleArray(new GlobalLayout(ctx, length, dist));
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

    /** Element {@code index}. */
    public double get(long index) {
        return Double.longBitsToDouble(layout.window.longs().get(owner(index), layout.offset(index)));
    }

    /** Sets element {@code index}, complete at its owner on return. */
    public void set(long index, double value) {
        int r = owner(index);
        layout.window.longs().put(Double.doubleToRawLongBits(value), r, layout.offset(index));
        layout.window.flush(r);
    }

    /**
     * Atomically adds {@code delta} to element {@code index} (a compare-and-swap loop on
     * its bits); returns its previous value.
     */
    public double fetchAdd(long index, double delta) {
        int r = owner(index);
        long off = layout.offset(index);
        LongAtomics words = layout.window.longs();
        long old = words.fetchAndOp(0, r, off, Op.NO_OP);
        while (true) {
            long next = Double.doubleToRawLongBits(Double.longBitsToDouble(old) + delta);
            long seen = words.compareAndSwap(next, old, r, off);
            if (seen == old) {
                return Double.longBitsToDouble(old);
            }
            old = seen;
        }
    }

    /** Copies elements [from, from+count) into {@code dst[dstOffset ...]}. */
    public void getRange(long from, double[] dst, int dstOffset, int count) {
        Objects.requireNonNull(dst, "dst");
        Objects.checkFromIndexSize(dstOffset, count, dst.length);
        layout.transfer(from, MemorySegment.ofArray(dst).asSlice(8L * dstOffset, 8L * count), count, false);
    }

    /** Copies {@code src[srcOffset ...]} into elements [from, from+count), complete at the owners on return. */
    public void setRange(long from, double[] src, int srcOffset, int count) {
        Objects.requireNonNull(src, "src");
        Objects.checkFromIndexSize(srcOffset, count, src.length);
        layout.transfer(from, MemorySegment.ofArray(src).asSlice(8L * srcOffset, 8L * count), count, true);
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

}
