package org.jmpi;

import java.util.Arrays;

/**
 * Assertions a synchronization call may be given ({@code MPI_MODE_*}) so MPI can skip
 * work; a false assertion makes the program erroneous. Each call accepts only some of
 * them, and a call given one it does not accept refuses it before going native.
 */
public enum WinAssert {
    /**
     * {@code MPI_MODE_NOCHECK}: the matching post already happened ({@link Win#start}), no
     * other process will start a conflicting epoch ({@link Win#post}, {@link Win#lock}).
     */
    NOCHECK,
    /** {@code MPI_MODE_NOSTORE}: no local store updated the window since the last synchronization. */
    NOSTORE,
    /** {@code MPI_MODE_NOPUT}: no put or accumulate will update the window until the next synchronization. */
    NOPUT,
    /** {@code MPI_MODE_NOPRECEDE}: this fence completes no RMA call of this process. */
    NOPRECEDE,
    /** {@code MPI_MODE_NOSUCCEED}: no RMA call of this process follows this fence. */
    NOSUCCEED;

    /** The OR of {@code asserts}, each checked to be one that {@code call} accepts. */
    static int bits(WinAssert[] asserts, String call, WinAssert... accepted) {
        if (asserts == null) {
            throw new NullPointerException("asserts");
        }
        int bits = 0;
        for (int i = 0; i < asserts.length; i++) {
            WinAssert a = asserts[i];
            if (a == null) {
                throw new NullPointerException("asserts[" + i + "]");
            }
            boolean ok = false;
            for (WinAssert b : accepted) {
                ok |= a == b;
            }
            if (!ok) {
                throw new IllegalArgumentException("asserts[" + i + "]: " + a + " is not an assertion " + call
                        + " accepts (" + Arrays.toString(accepted) + ")");
            }
            bits |= Codes.code(a);
        }
        return bits;
    }
}
