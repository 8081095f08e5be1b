package org.jmpi;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions, array builders and ring neighbours shared by the tests. */
final class Checks {
    private Checks() {
    }

    /** Asserts that {@code call} throws {@code type} with a message containing {@code mention}. */
    static void fails(Class<? extends Throwable> type, String mention, Executable call) {
        Throwable e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mention),
                "expected '" + mention + "' in: " + e.getMessage());
    }

    /** The next rank of a ring over {@code c} (itself on one rank). */
    static int next(Comm c) {
        return (c.rank() + 1) % c.size();
    }

    /** The previous rank of a ring over {@code c} (itself on one rank). */
    static int prev(Comm c) {
        return (c.rank() - 1 + c.size()) % c.size();
    }

    /** The array {@code f(0), f(1), ..., f(n - 1)}. */
    static int[] fill(int n, IntUnaryOperator f) {
        int[] a = new int[n];
        Arrays.setAll(a, f);
        return a;
    }
}
