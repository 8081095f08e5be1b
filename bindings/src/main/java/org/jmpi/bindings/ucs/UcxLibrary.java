package org.jmpi.bindings.ucs;

import org.jmpi.bindings.NativeEnv;

/**
 * Loads UCX ({@code libucs.so.0}, {@code libucp.so.0}) the safe way: the environment
 * that keeps UCX away from the JVM's signals and allocator is set first. Call
 * {@link #load()} before touching {@code org.jmpi.bindings.ucx.ucp_h}.
 */
public final class UcxLibrary {
    /** The UCP library's soname (the unversioned name needs the -dev package). */
    public static final String UCP = "libucp.so.0";
    /** The UCS library's soname. */
    public static final String UCS = "libucs.so.0";
    private static volatile boolean loaded;

    private UcxLibrary() {
    }

    /**
     * Neutralises UCX's signal handlers and memory hooks, then opens UCS and UCP.
     *
     * @throws UnsatisfiedLinkError naming the missing library and the package to install
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        UcxEnvironment.neutralise();
        try {
            NativeEnv.dlopen(UCS, NativeEnv.RTLD_NOW);
            NativeEnv.dlopen(UCP, NativeEnv.RTLD_NOW);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError err = new UnsatisfiedLinkError(e.getMessage()
                    + " (install UCX: apt-get install libucx0, or run native-scripts/setup)");
            err.initCause(e);
            throw err;
        }
        loaded = true;
    }
}
