package mpi;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jmpi.FileMode;
import org.jmpi.FilePointers;

/**
 * What {@link File} needs besides its calls: access modes and seek origins as jmpi's
 * enums, info objects as hint maps, and the MPI error classes of what jmpi's files throw.
 */
final class FileSupport {
    private FileSupport() {
    }

    /** The modes set in {@code amode} ({@code MPI.MODE_*}); other bits are MPI_ERR_AMODE. */
    static Set<FileMode> modes(int amode) {
        Set<FileMode> modes = EnumSet.noneOf(FileMode.class);
        int known = 0;
        for (FileMode m : FileMode.values()) {
            known |= m.bit();
            if ((amode & m.bit()) != 0) {
                modes.add(m);
            }
        }
        if ((amode & ~known) != 0) {
            throw Failure.arg(MPI.ERR_AMODE, "amode: " + amode + " holds bits that are no MPI.MODE_* access mode");
        }
        return modes;
    }

    /** The {@code MPI.MODE_*} bits of {@code modes}. */
    static int amode(Set<FileMode> modes) {
        int amode = 0;
        for (FileMode m : modes) {
            amode |= m.bit();
        }
        return amode;
    }

    /** The seek origin of {@code MPI.SEEK_SET}, {@code SEEK_CUR} or {@code SEEK_END}; anything else is MPI_ERR_ARG. */
    static FilePointers.Whence whence(int whence) {
        if (whence == MPI.SEEK_SET) {
            return FilePointers.Whence.SET;
        }
        if (whence == MPI.SEEK_CUR) {
            return FilePointers.Whence.CUR;
        }
        if (whence == MPI.SEEK_END) {
            return FilePointers.Whence.END;
        }
        throw Failure.arg(MPI.ERR_ARG, "whence: " + whence + " is none of MPI.SEEK_SET, SEEK_CUR, SEEK_END");
    }

    /** The hints of a jmpi info ({@code null}: none). */
    static Map<String, String> hints(org.jmpi.Info info) {
        return info == null ? Map.of() : info.toMap();
    }

    /**
     * What a jmpi file threw, with the MPI error class MPI would report: access the mode
     * forbids is MPI_ERR_ACCESS, a closed file MPI_ERR_FILE, a refused mode combination
     * MPI_ERR_AMODE, and so on. Native errors and errors of this package pass unchanged.
     */
    static RuntimeException classify(RuntimeException e) {
        return Reclassified.of(e, m -> m.contains("has been freed") ? MPI.ERR_FILE
                    : m.contains("was opened WRONLY") || m.contains("was opened RDONLY") ? MPI.ERR_ACCESS
                    : m.contains("was opened SEQUENTIAL") ? MPI.ERR_UNSUPPORTED_OPERATION : MPI.ERR_OTHER,
                m -> m.startsWith("modes") ? MPI.ERR_AMODE
                    : m.startsWith("datarep") ? MPI.ERR_UNSUPPORTED_DATAREP
                    : m.startsWith("buf:") ? MPI.ERR_BUFFER
                    : m.startsWith("offset") || m.startsWith("displacement") || m.startsWith("bytes") ? MPI.ERR_ARG
                    : -1);
    }
}
