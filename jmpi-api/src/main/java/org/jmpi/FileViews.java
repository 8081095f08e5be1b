package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The view of an {@link MpiFile}: where this process's data lie in the file
 * ({@code MPI_File_set_view}, {@code MPI_File_get_view}). Until a view is set, the file
 * is a sequence of bytes from its start.
 */
public sealed interface FileViews permits MpiFile {
    /**
     * {@code MPI_DISPLACEMENT_CURRENT}: as the displacement of {@link #setView} on a file
     * opened {@link FileMode#SEQUENTIAL}, the view starts at the current shared file pointer.
     */
    long DISPLACEMENT_CURRENT = MpiCalls.MPI_DISPLACEMENT_CURRENT();

    /** {@link #setView(long, Datatype, Datatype, String)} in the {@code "native"} representation. */
    default void setView(long displacement, Datatype etype, Datatype filetype) {
        setView(displacement, etype, filetype, "native", Map.of());
    }

    /** {@link #setView(long, Datatype, Datatype, String, Map)} without hints. */
    default void setView(long displacement, Datatype etype, Datatype filetype, String datarep) {
        setView(displacement, etype, filetype, datarep, Map.of());
    }

    /**
     * Sets this process's view ({@code MPI_File_set_view}); collective, every process
     * passing the same {@code datarep} and etypes of the same extent. The view starts
     * {@code displacement} bytes into the file and repeats {@code filetype}, built from
     * {@code etype}; offsets and counts of data access are in {@code etype}s. Both file
     * pointers are reset to zero. MPI keeps its own reference to the types, which may be
     * closed afterwards.
     *
     * @throws IllegalStateException while a nonblocking operation on the file is in flight
     */
    default void setView(long displacement, Datatype etype, Datatype filetype, String datarep,
                        Map<String, String> hints) {
        MpiFile file = file();
        file.check();
        if (displacement == DISPLACEMENT_CURRENT) {
            if (!file.opened(FileMode.SEQUENTIAL)) {
                throw new IllegalArgumentException("displacement: DISPLACEMENT_CURRENT needs a file opened SEQUENTIAL");
            }
        } else {
            MpiFile.nonNegative(displacement, "displacement");
        }
        MemorySegment e = Objects.requireNonNull(etype, "etype").handle();
        MemorySegment f = Objects.requireNonNull(filetype, "filetype").handle();
        Objects.requireNonNull(datarep, "datarep");
        if (datarep.isEmpty() || datarep.length() >= MpiCalls.MPI_MAX_DATAREP_STRING() || datarep.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("datarep: '" + datarep + "' is not a data representation name");
        }
        file.requireNoneInFlight("setView");
        try (Info info = Info.temporary(hints, "hints"); Arena arena = Arena.ofConfined()) {
            file.check(MpiCalls.MPI_File_set_view(file.handle, displacement, e, f, arena.allocateFrom(datarep),
                    info.handle()), "MPI_File_set_view");
            file.viewSet(etype);
        }
    }

    /**
     * This process's view ({@code MPI_File_get_view}). Derived types in it are new copies
     * owned by the caller: close the returned view when done.
     */
    default FileView view() {
        MpiFile file = file();
        file.check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment disp = arena.allocate(JAVA_LONG);
            MemorySegment types = Abi.allocateHandles(arena, 2);
            MemorySegment rep = arena.allocate(MpiCalls.MPI_MAX_DATAREP_STRING());
            file.check(MpiCalls.MPI_File_get_view(file.handle, disp, types, types.asSlice(Abi.HANDLE_SIZE),
                    rep), "MPI_File_get_view");
            Datatype filetype = ViewTypes.adopt(Abi.getHandle(types, 1), "filetype of the view of " + file.path());
            Datatype etype;
            try {
                etype = ViewTypes.adopt(Abi.getHandle(types, 0), "etype of the view of " + file.path());
            } catch (RuntimeException ex) {
                filetype.close();
                throw ex;
            }
            return new FileView(disp.get(JAVA_LONG, 0), etype, filetype, rep.getString(0));
        }
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
