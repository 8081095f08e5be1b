package org.jmpi.dsm;

import org.jmpi.Op;

/**
 * The 32-bit words of a {@link Window} ({@link Window#ints()}): atomics and single-word
 * puts and gets, each on a 4-byte aligned {@code int} at byte {@code targetDisp} of
 * {@code targetRank}'s part. The width is this view's, never the Java type of a literal:
 * {@code fetchAndOp(1, r, d, Op.SUM)} adds to a 32-bit word. Arguments follow
 * {@link org.jmpi.Win}'s order (value first, then target rank, then displacement). Atomics
 * use UCX's operations: {@link Op#SUM}, {@link Op#BAND}, {@link Op#BOR}, {@link Op#BXOR},
 * {@link Op#REPLACE} and, to fetch only, {@link Op#NO_OP}. Every call completes before it
 * returns; a put is visible at the target after a flush, like any put.
 */
public final class IntAtomics extends WordView {

    IntAtomics(Atomics atomics, Transfers transfers) {
        super(atomics, transfers);
    }

    /** Combines {@code value} into the word with {@code op} and returns the word's previous value. */
    public int fetchAndOp(int value, int targetRank, long targetDisp, Op op) {
        return (int) atomics.apply(targetRank, targetDisp, 4, Atomics.code(op, true), value, 0, true);
    }

    /** Combines {@code value} into the word with {@code op}, fetching nothing ({@link Op#NO_OP} is refused). */
    public void accumulate(int value, int targetRank, long targetDisp, Op op) {
        atomics.apply(targetRank, targetDisp, 4, Atomics.code(op, false), value, 0, false);
    }

    /**
     * Replaces the word with {@code value} if it equals {@code compare}; returns its previous
     * value (equal to {@code compare} exactly when the swap happened).
     */
    public int compareAndSwap(int value, int compare, int targetRank, long targetDisp) {
        return (int) atomics.apply(targetRank, targetDisp, 4, Atomics.CSWAP, value, compare, true);
    }

    /** Puts {@code value} into the word (a plain put; a volatile store where mapped). */
    public void put(int value, int targetRank, long targetDisp) {
        transfers.putWord(targetRank, targetDisp, 4, value);
    }

    /** Gets the word (a plain get; a volatile load where mapped). */
    public int get(int targetRank, long targetDisp) {
        return (int) transfers.getWord(targetRank, targetDisp, 4);
    }
}
