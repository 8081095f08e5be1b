package org.jmpi.bindings.ompi;

import org.jmpi.bindings.NativeEnv;
import org.jmpi.bindings.ucs.UcxEnvironment;

/**
 * Loads Open MPI's {@code libmpi.so.40} into the global symbol scope. Open MPI's
 * plugins (dlopened MCA components) resolve libmpi's symbols globally, but the JDK
 * opens libraries {@code RTLD_LOCAL}; so libmpi is opened {@code RTLD_GLOBAL} here
 * first, as mpi4py does. UCX (which Open MPI components may pull in) is neutralised
 * before anything loads. Call {@link #load()} before touching
 * {@code org.jmpi.bindings.mpi.mpi_h}.
 */
public final class OmpiLibrary {
    /** Open MPI 4.x's library soname. */
    public static final String LIBMPI = "libmpi.so.40";
    private static volatile boolean loaded;

    private OmpiLibrary() {
    }

    /**
     * Makes libmpi's symbols global (idempotent).
     *
     * @throws UnsatisfiedLinkError naming the library and the packages to install
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        UcxEnvironment.neutralise();
        try {
            NativeEnv.dlopen(LIBMPI, NativeEnv.RTLD_NOW | NativeEnv.RTLD_GLOBAL);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError err = new UnsatisfiedLinkError(e.getMessage()
                    + " (install Open MPI 4.x: apt-get install openmpi-bin libopenmpi3,"
                    + " or run native-scripts/setup)");
            err.initCause(e);
            throw err;
        }
        loaded = true;
    }
}
