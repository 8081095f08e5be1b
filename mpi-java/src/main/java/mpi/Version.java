package mpi;

/** The version of the MPI standard the library implements ({@code MPI_Get_version}). */
public final class Version {
    private final int version;
    private final int subVersion;

    /**
     * A version.
     *
     * @param version    major version
     * @param subVersion minor version
     */
    protected Version(int version, int subVersion) {
        this.version = version;
        this.subVersion = subVersion;
    }

    /**
     * The major version.
     *
     * @return e.g. 3 for MPI 3.1
     */
    public int getVersion() {
        return version;
    }

    /**
     * The minor version.
     *
     * @return e.g. 1 for MPI 3.1
     */
    public int getSubVersion() {
        return subVersion;
    }
}
