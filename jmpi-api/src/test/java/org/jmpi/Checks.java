package org.jmpi;

import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions shared by the argument-check tests. */
final class Checks {
    private Checks() {
    }

    /** Asserts that {@code call} throws {@code type} with a message containing {@code mention}. */
    static void fails(Class<? extends Throwable> type, String mention, Executable call) {
        Throwable e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(mention),
                "expected '" + mention + "' in: " + e.getMessage());
    }
}
