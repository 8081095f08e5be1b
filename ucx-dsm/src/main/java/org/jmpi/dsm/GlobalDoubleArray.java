package org.jmpi.dsm;

import org.jmpi.Op;

/**
 * An array of {@code double} spread over the ranks of a {@link DsmContext}, addressed by
 * global index only. {@link #set} and {@link #setRange} complete at the owner before
 * returning; {@link #fetchAdd} is a remote compare-and-swap loop. Creation is collective; the array
 * starts zeroed (0.0).
 */
public final class GlobalDoubleArray extends GlobalArray {

    private GlobalDoubleArray(GlobalLayout layout) {
        super(layout);
    }

    /** Creates an array of {@code length} zeroes distributed as {@code dist} (collective). */
    public static GlobalDoubleArray create(DsmContext ctx, long length, Distribution dist) {
        return new GlobalDoubleArray(new GlobalLayout(ctx, length, dist));
    }

    /** Element {@code index}. */
    public double get(long index) {
        return Double.longBitsToDouble(word(index));
    }

    /** Sets element {@code index}, complete at its owner on return. */
    public void set(long index, double value) {
        setWord(index, Double.doubleToRawLongBits(value));
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
        range(from, dst, dstOffset, count, false, "dst");
    }

    /** Copies {@code src[srcOffset ...]} into elements [from, from+count), complete at the owners on return. */
    public void setRange(long from, double[] src, int srcOffset, int count) {
        range(from, src, srcOffset, count, true, "src");
    }
}
