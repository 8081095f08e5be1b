package org.jmpi;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * The access mode flags of {@link MpiFile#open} ({@code MPI_MODE_*}). A mode is a set of
 * flags with exactly one of {@link #RDONLY}, {@link #WRONLY} and {@link #RDWR};
 * {@link #check} refuses the combinations the MPI standard calls erroneous.
 */
public enum FileMode {
    /** {@code MPI_MODE_RDONLY}: read only. */
    RDONLY(MpiCalls::MPI_MODE_RDONLY),
    /** {@code MPI_MODE_WRONLY}: write only. */
    WRONLY(MpiCalls::MPI_MODE_WRONLY),
    /** {@code MPI_MODE_RDWR}: reading and writing. */
    RDWR(MpiCalls::MPI_MODE_RDWR),
    /** {@code MPI_MODE_CREATE}: create the file if it does not exist. */
    CREATE(MpiCalls::MPI_MODE_CREATE),
    /** {@code MPI_MODE_EXCL}: fail if the file exists (with {@link #CREATE}). */
    EXCL(MpiCalls::MPI_MODE_EXCL),
    /** {@code MPI_MODE_DELETE_ON_CLOSE}: delete the file when it is closed. */
    DELETE_ON_CLOSE(MpiCalls::MPI_MODE_DELETE_ON_CLOSE),
    /** {@code MPI_MODE_UNIQUE_OPEN}: no one else opens the file concurrently. */
    UNIQUE_OPEN(MpiCalls::MPI_MODE_UNIQUE_OPEN),
    /** {@code MPI_MODE_SEQUENTIAL}: accessed sequentially, through the shared file pointer only. */
    SEQUENTIAL(MpiCalls::MPI_MODE_SEQUENTIAL),
    /** {@code MPI_MODE_APPEND}: every file pointer starts at the end of the file. */
    APPEND(MpiCalls::MPI_MODE_APPEND);

    private final IntSupplier bit;

    FileMode(IntSupplier bit) {
        this.bit = bit;
    }

    /** The {@code MPI_MODE_*} bit of this flag. */
    public int bit() {
        return bit.getAsInt();
    }

    /**
     * The {@code amode} of {@code modes}, checked: exactly one of RDONLY, WRONLY and RDWR;
     * no CREATE or EXCL with RDONLY; no SEQUENTIAL with RDWR (MPI calls these erroneous).
     *
     * @throws IllegalArgumentException naming {@code arg} for a refused combination
     */
    static int check(Set<FileMode> modes, String arg) {
        Objects.requireNonNull(modes, arg);
        int access = 0;
        int amode = 0;
        for (FileMode m : modes) {
            Objects.requireNonNull(m, arg + " contains null");
            access += m == RDONLY || m == WRONLY || m == RDWR ? 1 : 0;
            amode |= m.bit();
        }
        if (access != 1) {
            throw new IllegalArgumentException(arg + ": " + modes + " must hold exactly one of RDONLY, WRONLY, RDWR");
        }
        if (modes.contains(RDONLY) && (modes.contains(CREATE) || modes.contains(EXCL))) {
            throw new IllegalArgumentException(arg + ": " + modes + ": CREATE and EXCL are erroneous with RDONLY");
        }
        if (modes.contains(RDWR) && modes.contains(SEQUENTIAL)) {
            throw new IllegalArgumentException(arg + ": " + modes + ": SEQUENTIAL is erroneous with RDWR");
        }
        return amode;
    }

    /** The flags set in {@code amode}. */
    static Set<FileMode> of(int amode) {
        Set<FileMode> modes = EnumSet.noneOf(FileMode.class);
        for (FileMode m : values()) {
            if ((amode & m.bit()) != 0) {
                modes.add(m);
            }
        }
        return modes;
    }
}
