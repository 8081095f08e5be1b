package org.jmpi.dsm;

import org.jmpi.Op;

/**
 * An array of {@code long} spread over the ranks of a {@link DsmContext}, addressed by
 * global index only. {@link #set} and {@link #setRange} complete at the owner before
 * returning; {@link #fetchAdd} is a remote atomic. Creation is collective; the array
 * starts zeroed.
 */
public final class GlobalLongArray extends GlobalArray {

    private GlobalLongArray(GlobalLayout layout) {
        super(layout);
    }

    /** Creates an array of {@code length} zeroes distributed as {@code dist} (collective). */
    public static GlobalLongArray create(DsmContext ctx, long length, Distribution dist) {
        return new GlobalLongArray(new GlobalLayout(ctx, length, dist));
    }

    /** Element {@code index}. */
    public long get(long index) {
        return word(index);
    }

    /** Sets element {@code index}, complete at its owner on return. */
    public void set(long index, long value) {
        setWord(index, value);
    }

    /** Atomically adds {@code delta} to element {@code index}; returns its previous value. */
    public long fetchAdd(long index, long delta) {
        return layout.window.longs().fetchAndOp(delta, owner(index), layout.offset(index), Op.SUM);
    }

    /** Atomically adds {@code delta} to element {@code index}. */
    public void add(long index, long delta) {
        layout.window.longs().accumulate(delta, owner(index), layout.offset(index), Op.SUM);
    }

    /** Atomically sets element {@code index} to {@code desired} if it is {@code expected}; returns its previous value. */
    public long compareAndSwap(long index, long expected, long desired) {
        return layout.window.longs().compareAndSwap(desired, expected, owner(index), layout.offset(index));
    }

    /** Copies elements [from, from+count) into {@code dst[dstOffset ...]}. */
    public void getRange(long from, long[] dst, int dstOffset, int count) {
        range(from, dst, dstOffset, count, false, "dst");
    }

    /** Copies {@code src[srcOffset ...]} into elements [from, from+count), complete at the owners on return. */
    public void setRange(long from, long[] src, int srcOffset, int count) {
        range(from, src, srcOffset, count, true, "src");
    }
}
