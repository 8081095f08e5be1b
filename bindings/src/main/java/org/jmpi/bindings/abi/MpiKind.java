package org.jmpi.bindings.abi;

import java.util.Locale;

/** The MPI ABIs jmpi runs on; one is chosen per process (see {@link Abi#KIND}). */
public enum MpiKind {
    /** Open MPI 4.x ({@code libmpi.so.40}): handles are pointers to library objects. */
    OPEN_MPI("openmpi", "Open MPI", "libmpi.so.40", "openmpi-bin libopenmpi-dev"),
    /** MPICH 4.x and its ABI family ({@code libmpich.so.12}): handles are {@code int}s. */
    MPICH("mpich", "MPICH", "libmpich.so.12", "mpich libmpich-dev");

    /** The name used by {@code -Djmpi.mpi}, {@code JMPI_MPI} and {@code jmpirun --mpi}. */
    public final String id;
    /** The name to show to people. */
    public final String display;
    /** The library's soname. */
    public final String library;
    /** Debian's packages that provide it. */
    public final String packages;

    MpiKind(String id, String display, String library, String packages) {
        this.id = id;
        this.display = display;
        this.library = library;
        this.packages = packages;
    }

    /**
     * The kind named {@code id} ({@code openmpi} or {@code mpich}, any case; {@code ompi},
     * {@code open-mpi} and {@code open_mpi} also name Open MPI).
     *
     * @throws IllegalArgumentException naming {@code what} and the accepted names
     */
    public static MpiKind parse(String id, String what) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "openmpi", "ompi", "open-mpi", "open_mpi" -> OPEN_MPI;
            case "mpich" -> MPICH;
            default -> throw new IllegalArgumentException(what + " is '" + id
                    + "': expected 'openmpi' or 'mpich'");
        };
    }
}
