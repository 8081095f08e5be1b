package org.jmpi;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions and array builders shared by the tests. */
final class Checks {
    private Checks() {
    }

    /** Asserts that {@code call} throws {@code type} with a message containing {@code mention}. */
    static void fails(Class<? extends Throwable> type, String mention, Executable call) {
        Throwable e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mention),
                "expected '" + mention + "' in: " + e.getMessage());
    }

    /** The array {@code f(0), f(1), ..., f(n - 1)}. */
    static int[] fill(int n, IntUnaryOperator f) {
        int[] a = new int[n];
        Arrays.setAll(a, f);
        return a;
    }
}
