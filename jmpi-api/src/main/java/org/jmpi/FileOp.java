package org.jmpi;

import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Locale;
import java.util.function.Function;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * The data access calls of MPI-IO, one constant per {@code MPI_File_*} routine, each with
 * downcall handles of one shape: {@code (fh, long offset, buf, int count, type, status or
 * request) -> int}; routines without an explicit offset ignore it. Heap segments of the
 * blocking routines reach them through native staging memory (see {@link FileCalls#blocking}).
 */
enum FileOp {
    READ_AT(true, Pointer.EXPLICIT, false, false, MpiCalls::MPI_File_read_at$handle),
    WRITE_AT(false, Pointer.EXPLICIT, false, false, MpiCalls::MPI_File_write_at$handle),
    READ_AT_ALL(true, Pointer.EXPLICIT, true, false, MpiCalls::MPI_File_read_at_all$handle),
    WRITE_AT_ALL(false, Pointer.EXPLICIT, true, false, MpiCalls::MPI_File_write_at_all$handle),
    READ(true, Pointer.INDIVIDUAL, false, false, MpiCalls::MPI_File_read$handle),
    WRITE(false, Pointer.INDIVIDUAL, false, false, MpiCalls::MPI_File_write$handle),
    READ_ALL(true, Pointer.INDIVIDUAL, true, false, MpiCalls::MPI_File_read_all$handle),
    WRITE_ALL(false, Pointer.INDIVIDUAL, true, false, MpiCalls::MPI_File_write_all$handle),
    READ_SHARED(true, Pointer.SHARED, false, false, MpiCalls::MPI_File_read_shared$handle),
    WRITE_SHARED(false, Pointer.SHARED, false, false, MpiCalls::MPI_File_write_shared$handle),
    READ_ORDERED(true, Pointer.SHARED, true, false, MpiCalls::MPI_File_read_ordered$handle),
    WRITE_ORDERED(false, Pointer.SHARED, true, false, MpiCalls::MPI_File_write_ordered$handle),
    IREAD_AT(true, Pointer.EXPLICIT, false, true, MpiCalls::MPI_File_iread_at$handle),
    IWRITE_AT(false, Pointer.EXPLICIT, false, true, MpiCalls::MPI_File_iwrite_at$handle),
    IREAD_AT_ALL(true, Pointer.EXPLICIT, true, true, MpiCalls::MPI_File_iread_at_all$handle),
    IWRITE_AT_ALL(false, Pointer.EXPLICIT, true, true, MpiCalls::MPI_File_iwrite_at_all$handle),
    IREAD(true, Pointer.INDIVIDUAL, false, true, MpiCalls::MPI_File_iread$handle),
    IWRITE(false, Pointer.INDIVIDUAL, false, true, MpiCalls::MPI_File_iwrite$handle),
    IREAD_ALL(true, Pointer.INDIVIDUAL, true, true, MpiCalls::MPI_File_iread_all$handle),
    IWRITE_ALL(false, Pointer.INDIVIDUAL, true, true, MpiCalls::MPI_File_iwrite_all$handle),
    IREAD_SHARED(true, Pointer.SHARED, false, true, MpiCalls::MPI_File_iread_shared$handle),
    IWRITE_SHARED(false, Pointer.SHARED, false, true, MpiCalls::MPI_File_iwrite_shared$handle);

    /** Which file position a routine uses. */
    enum Pointer {
        /** An offset passed with the call. */
        EXPLICIT,
        /** The process's own file pointer. */
        INDIVIDUAL,
        /** The file pointer shared by the file's group. */
        SHARED
    }

    final boolean read;
    final Pointer pointer;
    final boolean collective;
    final boolean nonblocking;
    final String call;
    /** Ordinary downcall, on native memory. */
    final MethodHandle downcall;

    FileOp(boolean read, Pointer pointer, boolean collective, boolean nonblocking,
           Function<Linker.Option[], MethodHandle> link) {
        this.read = read;
        this.pointer = pointer;
        this.collective = collective;
        this.nonblocking = nonblocking;
        this.call = "MPI_File_" + name().toLowerCase(Locale.ROOT);
        this.downcall = uniform(link.apply(new Linker.Option[0]), pointer);
    }

    /** Inserts an ignored offset after the file handle for routines that take none. */
    private static MethodHandle uniform(MethodHandle h, Pointer pointer) {
        return pointer == Pointer.EXPLICIT ? h : MethodHandles.dropArguments(h, 1, long.class);
    }
}
