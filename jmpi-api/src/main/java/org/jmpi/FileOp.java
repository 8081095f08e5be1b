package org.jmpi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Locale;

import org.jmpi.bindings.mpi.mpi_h;
import org.jmpi.internal.HeapCalls;

/**
 * The data access calls of MPI-IO, one constant per {@code MPI_File_*} routine, each with
 * downcall handles of one shape: {@code (fh, long offset, buf, int count, type, status or
 * request) -> int}; routines without an explicit offset ignore it. Blocking routines also
 * get a critical handle that accepts heap segments, pinned for the call.
 */
enum FileOp {
    READ_AT(true, Pointer.EXPLICIT, false, false, mpi_h.MPI_File_read_at$address(), mpi_h.MPI_File_read_at$descriptor()),
    WRITE_AT(false, Pointer.EXPLICIT, false, false, mpi_h.MPI_File_write_at$address(), mpi_h.MPI_File_write_at$descriptor()),
    READ_AT_ALL(true, Pointer.EXPLICIT, true, false, mpi_h.MPI_File_read_at_all$address(),
            mpi_h.MPI_File_read_at_all$descriptor()),
    WRITE_AT_ALL(false, Pointer.EXPLICIT, true, false, mpi_h.MPI_File_write_at_all$address(),
            mpi_h.MPI_File_write_at_all$descriptor()),
    READ(true, Pointer.INDIVIDUAL, false, false, mpi_h.MPI_File_read$address(), mpi_h.MPI_File_read$descriptor()),
    WRITE(false, Pointer.INDIVIDUAL, false, false, mpi_h.MPI_File_write$address(), mpi_h.MPI_File_write$descriptor()),
    READ_ALL(true, Pointer.INDIVIDUAL, true, false, mpi_h.MPI_File_read_all$address(), mpi_h.MPI_File_read_all$descriptor()),
    WRITE_ALL(false, Pointer.INDIVIDUAL, true, false, mpi_h.MPI_File_write_all$address(),
            mpi_h.MPI_File_write_all$descriptor()),
    READ_SHARED(true, Pointer.SHARED, false, false, mpi_h.MPI_File_read_shared$address(),
            mpi_h.MPI_File_read_shared$descriptor()),
    WRITE_SHARED(false, Pointer.SHARED, false, false, mpi_h.MPI_File_write_shared$address(),
            mpi_h.MPI_File_write_shared$descriptor()),
    READ_ORDERED(true, Pointer.SHARED, true, false, mpi_h.MPI_File_read_ordered$address(),
            mpi_h.MPI_File_read_ordered$descriptor()),
    WRITE_ORDERED(false, Pointer.SHARED, true, false, mpi_h.MPI_File_write_ordered$address(),
            mpi_h.MPI_File_write_ordered$descriptor()),
    IREAD_AT(true, Pointer.EXPLICIT, false, true, mpi_h.MPI_File_iread_at$address(), mpi_h.MPI_File_iread_at$descriptor()),
    IWRITE_AT(false, Pointer.EXPLICIT, false, true, mpi_h.MPI_File_iwrite_at$address(),
            mpi_h.MPI_File_iwrite_at$descriptor()),
    IREAD_AT_ALL(true, Pointer.EXPLICIT, true, true, mpi_h.MPI_File_iread_at_all$address(),
            mpi_h.MPI_File_iread_at_all$descriptor()),
    IWRITE_AT_ALL(false, Pointer.EXPLICIT, true, true, mpi_h.MPI_File_iwrite_at_all$address(),
            mpi_h.MPI_File_iwrite_at_all$descriptor()),
    IREAD(true, Pointer.INDIVIDUAL, false, true, mpi_h.MPI_File_iread$address(), mpi_h.MPI_File_iread$descriptor()),
    IWRITE(false, Pointer.INDIVIDUAL, false, true, mpi_h.MPI_File_iwrite$address(), mpi_h.MPI_File_iwrite$descriptor()),
    IREAD_ALL(true, Pointer.INDIVIDUAL, true, true, mpi_h.MPI_File_iread_all$address(),
            mpi_h.MPI_File_iread_all$descriptor()),
    IWRITE_ALL(false, Pointer.INDIVIDUAL, true, true, mpi_h.MPI_File_iwrite_all$address(),
            mpi_h.MPI_File_iwrite_all$descriptor()),
    IREAD_SHARED(true, Pointer.SHARED, false, true, mpi_h.MPI_File_iread_shared$address(),
            mpi_h.MPI_File_iread_shared$descriptor()),
    IWRITE_SHARED(false, Pointer.SHARED, false, true, mpi_h.MPI_File_iwrite_shared$address(),
            mpi_h.MPI_File_iwrite_shared$descriptor());

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
    /** Ordinary downcall, for native segments. */
    final MethodHandle downcall;
    /**
     * Critical downcall with heap access, for heap segments of blocking calls (through native
     * copies while a Java error handler exists, see {@link HeapCalls#critical}); null for
     * nonblocking ones.
     */
    final MethodHandle heapDowncall;

    FileOp(boolean read, Pointer pointer, boolean collective, boolean nonblocking, MemorySegment address,
           FunctionDescriptor fd) {
        this.read = read;
        this.pointer = pointer;
        this.collective = collective;
        this.nonblocking = nonblocking;
        this.call = "MPI_File_" + name().toLowerCase(Locale.ROOT);
        this.downcall = uniform(Linker.nativeLinker().downcallHandle(address, fd), pointer);
        this.heapDowncall = nonblocking ? null
                : uniform(HeapCalls.critical(address, fd), pointer);
    }

    /** Inserts an ignored offset after the file handle for routines that take none. */
    private static MethodHandle uniform(MethodHandle h, Pointer pointer) {
        return pointer == Pointer.EXPLICIT ? h : MethodHandles.dropArguments(h, 1, long.class);
    }
}
