package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A file opened by every process of a communicator for parallel I/O ({@code MPI_File}).
 *
 * <pre>{@code
 * // each rank writes its n ints as every size-th int of the file, through a strided view
 * try (MpiFile f = MpiFile.open(world, path, FileMode.WRONLY, FileMode.CREATE);
 *      Datatype strided = Datatype.resized(0, (long) world.size() * 4, Datatype.INT32)) {
 *     f.setView((long) world.rank() * 4, Datatype.INT32, strided);
 *     f.writeAll(mine);                      // int[]: INT32 elements
 * }
 * }</pre>
 *
 * Data access ({@link FileAccess}, {@link NonblockingFileAccess}, {@link SplitCollectives})
 * takes a message: a Java array or a {@link Buf} ({@code f.readAt(0, ints)}), or a segment
 * with a datatype; arrays are never pinned, blocking or not. Offsets and positions are in
 * units of the view's elementary type (bytes until a view is set). Collective routines
 * (open, close, {@code *All}, {@code *Ordered}, the split collectives, {@link #setInfo},
 * {@link #setView}, {@link #setSize}, {@link #preallocate},
 * {@link #sync}, {@link #setAtomicity}, {@link #seekShared}) must be called by every
 * process of the file's group. Errors are {@link MpiException}s naming the file: files
 * use {@code MPI_ERRORS_RETURN}, which is also set on {@code MPI_FILE_NULL} for the
 * errors of open and delete; a handler from {@link Errhandler#forFile} set with
 * {@link #setErrhandler} runs first. Use after {@link #close()} is an {@link IllegalStateException}.
 */
public final class MpiFile implements FileViews, FilePointers, FileAccess, NonblockingFileAccess, SplitCollectives,
        ErrorHandling, AutoCloseable {
    private static boolean fileNullReturns;

    final MemorySegment handle;
    private final String path;
    private final Set<FileMode> modes;
    private final Freed freed;
    private final List<Request> inFlight = new ArrayList<>();
    /** The split collective begun and not yet ended on this file, or null. */
    final AtomicReference<FileSplit> split = new AtomicReference<>();
    /**
     * A private duplicate of the communicator the file was opened on, where the clipping
     * of a split ordered read needs a collective ({@link FileSplit}); null where it does not.
     */
    private final Comm ranks;
    /** Bytes of the view's etype in memory and in the file (its data representation); the default view's is a byte. */
    private volatile long etypeBytes = 1;
    private volatile long etypeFileBytes = 1;

    private MpiFile(MemorySegment handle, String path, Set<FileMode> modes, Comm ranks) {
        this.handle = handle;
        this.path = path;
        this.modes = modes;
        this.ranks = ranks;
        this.freed = new Freed("file " + path);
    }

    // ------------------------------------------------------------------ open, delete, close

    /**
     * Opens {@code path} on every process of {@code comm} ({@code MPI_File_open});
     * collective, every process passing the same name and modes.
     *
     * @throws IllegalArgumentException for a refused mode combination (see {@link FileMode})
     * @throws MpiException             when MPI cannot open the file (the message names it)
     */
    public static MpiFile open(Comm comm, Path path, Set<FileMode> modes) {
        return open(comm, name(path), modes, Map.of());
    }

    /** Opens {@code path} with the given mode flags; see {@link #open(Comm, Path, Set)}. */
    public static MpiFile open(Comm comm, Path path, FileMode mode, FileMode... more) {
        Objects.requireNonNull(mode, "mode");
        EnumSet<FileMode> modes = EnumSet.of(mode);
        for (FileMode m : Objects.requireNonNull(more, "more")) {
            modes.add(Objects.requireNonNull(m, "more contains null"));
        }
        return open(comm, name(path), modes, Map.of());
    }

    /**
     * Opens {@code path} passing {@code hints} as an {@code MPI_Info} (for example
     * {@code "cb_nodes"}, {@code "striping_factor"}); MPI ignores hints it does not know.
     */
    public static MpiFile open(Comm comm, Path path, Set<FileMode> modes, Map<String, String> hints) {
        return open(comm, name(path), modes, hints);
    }

    /**
     * Opens the file MPI knows as {@code filename}: a path, or an implementation-specific
     * name such as {@code "ufs:/tmp/data"}; see {@link #open(Comm, Path, Set)}.
     */
    public static MpiFile open(Comm comm, String filename, Set<FileMode> modes, Map<String, String> hints) {
        Objects.requireNonNull(comm, "comm").check();
        checkName(filename);
        int amode = FileMode.check(modes, "modes");
        Set<FileMode> copy = EnumSet.copyOf(modes);
        try (Info info = Info.temporary(hints, "hints"); Arena arena = Arena.ofConfined()) {
            returnErrorsByDefault();
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS); // MPI_File is a pointer in every ABI
            int rc = MpiCalls.MPI_File_open(comm.handle, arena.allocateFrom(filename), amode, info.handle(), out);
            if (rc != 0) {
                throw Errors.exception(rc, "MPI_File_open(" + filename + ", " + copy + ")");
            }
            MemorySegment fh = out.get(ValueLayout.ADDRESS, 0);
            Comm ranks = null;
            try {
                Errors.check(MpiCalls.MPI_File_set_errhandler(fh, Handles.ERRORS_RETURN), "MPI_File_set_errhandler");
                ranks = MpiQuirks.SPLIT_READS_HANG_PAST_EOF ? comm.dup() : null;
            } catch (RuntimeException e) {
                MpiCalls.MPI_File_close(arena.allocateFrom(ValueLayout.ADDRESS, fh));
                throw e;
            }
            return new MpiFile(fh, filename, copy, ranks);
        }
    }

    /** Deletes the file {@code path} ({@code MPI_File_delete}); not collective. */
    public static void delete(Path path) {
        delete(name(path));
    }

    /**
     * Deletes the file MPI knows as {@code filename} ({@code MPI_File_delete}).
     *
     * @throws MpiException naming the file when it does not exist or cannot be deleted
     */
    public static void delete(String filename) {
        org.jmpi.internal.MpiState.checkCall();
        checkName(filename);
        try (Arena arena = Arena.ofConfined()) {
            returnErrorsByDefault();
            int rc = MpiCalls.MPI_File_delete(arena.allocateFrom(filename), Handles.INFO_NULL);
            if (rc != 0) {
                throw Errors.exception(rc, "MPI_File_delete(" + filename + ")");
            }
        }
    }

    private static String name(Path path) {
        Objects.requireNonNull(path, "path");
        if (path.getFileSystem() != FileSystems.getDefault()) {
            throw new IllegalArgumentException("path: " + path + " is not on the default file system");
        }
        return path.toString();
    }

    private static void checkName(String filename) {
        Objects.requireNonNull(filename, "filename");
        if (filename.isEmpty() || filename.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("filename: must be non-empty and contain no NUL, got '" + filename + "'");
        }
    }

    /** Errors of open and delete go to {@code MPI_FILE_NULL}'s handler: make it return them. */
    private static synchronized void returnErrorsByDefault() {
        if (!fileNullReturns) {
            Errors.check(MpiCalls.MPI_File_set_errhandler(Handles.FILE_NULL, Handles.ERRORS_RETURN),
                    "MPI_File_set_errhandler(MPI_FILE_NULL)");
            fileNullReturns = true;
        }
    }

    /**
     * Closes the file ({@code MPI_File_close}) exactly once; collective. A file opened
     * with {@link FileMode#DELETE_ON_CLOSE} is deleted. Later calls are no-ops.
     *
     * @throws IllegalStateException while a nonblocking operation on the file is in
     *                               flight (wait for it first; MPI calls closing then erroneous)
     */
    @Override
    public void close() {
        if (freed.isFreed()) {
            return;
        }
        requireNoneInFlight("close");
        try {
            freed.free(handle, MpiCalls::MPI_File_close, "MPI_File_close", true);
        } finally {
            Errhandler.freed(this);
            if (ranks != null) {
                ranks.close();
            }
        }
    }

    // ------------------------------------------------------------------ properties

    /** The name the file was opened with. */
    public String path() {
        return path;
    }

    /** The access mode the file was opened with ({@code MPI_File_get_amode}). */
    public Set<FileMode> modes() {
        check();
        return FileMode.of(queryInt(out -> MpiCalls.MPI_File_get_amode(handle, out), "MPI_File_get_amode"));
    }

    /** The file's size in bytes ({@code MPI_File_get_size}). */
    public long size() {
        check();
        return queryLong(out -> MpiCalls.MPI_File_get_size(handle, out), "MPI_File_get_size");
    }

    /** Truncates or extends the file to {@code bytes} ({@code MPI_File_set_size}); collective. */
    public void setSize(long bytes) {
        check();
        check(MpiCalls.MPI_File_set_size(handle, nonNegative(bytes, "bytes")), "MPI_File_set_size");
    }

    /** Reserves storage for the first {@code bytes} of the file ({@code MPI_File_preallocate}); collective. */
    public void preallocate(long bytes) {
        check();
        check(MpiCalls.MPI_File_preallocate(handle, nonNegative(bytes, "bytes")), "MPI_File_preallocate");
    }

    /** Flushes this process's writes to storage ({@code MPI_File_sync}); collective. */
    public void sync() {
        check();
        check(MpiCalls.MPI_File_sync(handle), "MPI_File_sync");
    }

    /** Whether atomic mode is on ({@code MPI_File_get_atomicity}). */
    public boolean atomicity() {
        check();
        return queryInt(out -> MpiCalls.MPI_File_get_atomicity(handle, out), "MPI_File_get_atomicity") != 0;
    }

    /**
     * Turns atomic mode on or off ({@code MPI_File_set_atomicity}); collective. In atomic
     * mode, conflicting accesses by different processes are sequentially consistent.
     */
    public void setAtomicity(boolean atomic) {
        check();
        check(MpiCalls.MPI_File_set_atomicity(handle, atomic ? 1 : 0), "MPI_File_set_atomicity");
    }

    /** The group of processes that opened the file ({@code MPI_File_get_group}); close it when done. */
    public Group group() {
        check();
        return Group.of(handle, MpiCalls::MPI_File_get_group, "MPI_File_get_group on " + path);
    }

    /** Bytes one element of {@code type} takes in the file's data representation ({@code MPI_File_get_type_extent}). */
    public long typeExtent(Datatype type) {
        check();
        MemorySegment t = Objects.requireNonNull(type, "type").handle();
        return queryLong(out -> MpiCalls.MPI_File_get_type_extent(handle, t, out), "MPI_File_get_type_extent");
    }

    /**
     * The hints MPI uses for the file, as a new {@link Info} to close
     * ({@code MPI_File_get_info}). Which hints an MPI reports differs: MPICH (ROMIO) lists
     * every hint it uses with its value, Open MPI 4.1 (ompio) the hints given at open.
     */
    public Info getInfo() {
        check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            check(MpiCalls.MPI_File_get_info(handle, out), "MPI_File_get_info");
            return Info.owned(Abi.getHandle(out));
        }
    }

    /**
     * Sets hints on the file ({@code MPI_File_set_info}); collective. MPI keeps the ones it
     * knows and may ignore the others: Open MPI 4.1 ignores them all ({@link #getInfo()} tells).
     */
    public void setInfo(Info info) {
        check();
        check(MpiCalls.MPI_File_set_info(handle, Objects.requireNonNull(info, "info").handle()), "MPI_File_set_info");
    }

    /** Sets the hints in {@code hints} ({@code MPI_File_set_info}); see {@link Info} for the limits. */
    public void setInfo(Map<String, String> hints) {
        check();
        try (Info info = Info.of(hints, "hints")) {
            setInfo(info);
        }
    }

    // ------------------------------------------------------------------ internals

    /** Refuses the call unless MPI runs, the thread may call it and the file is open. */
    void check() {
        freed.check();
    }

    /** Checks the file is open and {@code op} is allowed by the access mode it was opened with. */
    void checkAccess(FileOp op) {
        checkAccess(op.read, op.pointer, op.call);
    }

    /** Checks the file is open and that {@code call}, a read or a write through {@code pointer}, fits its access mode. */
    void checkAccess(boolean read, FileOp.Pointer pointer, String call) {
        check();
        if (read && modes.contains(FileMode.WRONLY)) {
            throw new IllegalStateException("file " + path + " was opened WRONLY: " + call + " cannot read it");
        }
        if (!read && modes.contains(FileMode.RDONLY)) {
            throw new IllegalStateException("file " + path + " was opened RDONLY: " + call + " cannot write it");
        }
        checkPointer(pointer, call);
    }

    /** Checks the file is open and {@code pointer} may be used in the mode it was opened with. */
    void checkPointer(FileOp.Pointer pointer, String call) {
        check();
        if (pointer != FileOp.Pointer.SHARED && modes.contains(FileMode.SEQUENTIAL)) {
            throw new IllegalStateException("file " + path + " was opened SEQUENTIAL: only the shared file pointer"
                    + " may be used, not " + call);
        }
    }

    /** Whether the file was opened with {@code mode}. */
    boolean opened(FileMode mode) {
        return modes.contains(mode);
    }

    /** Records the etype of a view just set, for {@link ReadClip}. */
    void viewSet(Datatype etype) {
        etypeBytes = etype.size();
        etypeFileBytes = typeExtent(etype);
    }

    /** Bytes of the view's etype in memory. */
    long etypeBytes() {
        return etypeBytes;
    }

    /** Bytes of the view's etype in the file ({@code MPI_File_get_type_extent}). */
    long etypeFileBytes() {
        return etypeFileBytes;
    }

    /** The {@code MPI_Offset} a query writes to its out-parameter. */
    long queryLong(ToIntFunction<MemorySegment> query, String call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_LONG);
            check(query.applyAsInt(out), call);
            return out.get(JAVA_LONG, 0);
        }
    }

    /** The {@code int} a query writes to its out-parameter. */
    private int queryInt(ToIntFunction<MemorySegment> query, String call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            check(query.applyAsInt(out), call);
            return out.get(JAVA_INT, 0);
        }
    }

    /** Throws the exception for a failed call on this file, naming the file. */
    void check(int rc, String call) {
        if (rc != 0) {
            throw Errors.exception(rc, call + " on " + path);
        }
    }

    /** Remembers a started nonblocking operation, so close and setView can refuse while it is in flight. */
    void track(Request r) {
        synchronized (inFlight) {
            inFlight.removeIf(q -> !q.isActive());
            inFlight.add(r);
        }
    }

    /** The private communicator over the file's processes, or null where none is kept (see {@link #ranks}). */
    Comm ranks() {
        return ranks;
    }

    /** Refuses the collective I/O call {@code call} while a split collective is active on the file (MPI 3.1 13.4.5). */
    void requireNoSplit(String call) {
        FileSplit s = split.get();
        if (s != null) {
            throw splitActive(s, call);
        }
    }

    /** The refusal of {@code call} while the split collective {@code s} (null: one that just ended) is active. */
    IllegalStateException splitActive(FileSplit s, String call) {
        String active = s == null ? "a split collective" : s.op.begin + "()";
        String end = s == null ? "its end" : s.op.end + "()";
        return new IllegalStateException("file " + path + ": " + active + " is active; " + call + " must wait"
                + " until " + end + " (MPI allows one split collective per file at a time, and no other"
                + " collective I/O on the file meanwhile)");
    }

    /** Refuses {@code call} while a nonblocking operation or a split collective on the file is in flight. */
    void requireNoneInFlight(String call) {
        requireNoSplit(call + "()");
        synchronized (inFlight) {
            inFlight.removeIf(q -> !q.isActive());
            if (!inFlight.isEmpty()) {
                throw new IllegalStateException("file " + path + ": " + inFlight.size() + " nonblocking operation(s)"
                        + " still in flight; wait for them before " + call + "()");
            }
        }
    }

    static long nonNegative(long value, String arg) {
        if (value < 0) {
            throw new IllegalArgumentException(arg + " must not be negative, got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "MpiFile[" + path + ", " + modes + "]";
    }
}
