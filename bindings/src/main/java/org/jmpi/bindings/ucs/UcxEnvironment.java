package org.jmpi.bindings.ucs;

import org.jmpi.bindings.NativeEnv;

/**
 * Keeps UCX from fighting the JVM. UCX installs SIGSEGV/SIGBUS/SIGILL/SIGFPE handlers
 * (the JVM relies on its own SIGSEGV handler for null checks and safepoints) and hooks
 * malloc/mmap. Both are configured from the environment when {@code libucs} is loaded,
 * so {@link #neutralise()} must run before the first UCX or MPI library is opened; the
 * loaders in this module call it first. A value the user set explicitly is kept.
 */
public final class UcxEnvironment {
    /** Variables and the values that keep UCX out of the JVM's signals and allocator. */
    private static final String[][] SETTINGS = {
            {"UCX_ERROR_SIGNALS", ""},
            {"UCX_HANDLE_ERRORS", "none"},
            {"UCX_MEM_MALLOC_HOOKS", "no"},
            {"UCX_MEM_MMAP_HOOK_MODE", "none"},
    };
    private static volatile boolean done;

    private UcxEnvironment() {
    }

    /** Sets the UCX variables that disable its signal handlers and memory hooks (idempotent). */
    public static synchronized void neutralise() {
        if (done) {
            return;
        }
        for (String[] kv : SETTINGS) {
            // Set already when the JVM started (jmpirun sets them all): setenv would keep
            // it, so there is no native call to make (nor a downcall to link at start-up).
            if (System.getenv(kv[0]) == null) {
                NativeEnv.setenv(kv[0], kv[1], false);
            }
        }
        done = true;
    }
}
