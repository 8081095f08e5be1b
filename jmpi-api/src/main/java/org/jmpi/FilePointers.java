package org.jmpi;

import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * The file pointers of an {@link MpiFile}: this process's own ({@code seek},
 * {@code position}) and the one shared by every process of the file ({@code seekShared},
 * {@code positionShared}). Positions count etypes of the view from its start. A file
 * opened {@link FileMode#SEQUENTIAL} has only the shared pointer.
 */
public sealed interface FilePointers permits MpiFile {

    /** Where {@link #seek} and {@link #seekShared} count from ({@code MPI_SEEK_*}). */
    enum Whence {
        /** {@code MPI_SEEK_SET}: from the start of the view. */
        SET,
        /** {@code MPI_SEEK_CUR}: from the current position. */
        CUR,
        /** {@code MPI_SEEK_END}: from the end of the file. */
        END;

        int value() {
            return switch (this) {
                case SET -> MpiCalls.MPI_SEEK_SET();
                case CUR -> MpiCalls.MPI_SEEK_CUR();
                case END -> MpiCalls.MPI_SEEK_END();
            };
        }
    }

    /**
     * Moves this process's file pointer ({@code MPI_File_seek}) to {@code offset} etypes
     * from {@code whence}; the result must not be negative.
     */
    default void seek(long offset, Whence whence) {
        MpiFile file = file();
        file.checkPointer(FileOp.Pointer.INDIVIDUAL, "seek");
        file.check(MpiCalls.MPI_File_seek(file.handle, seekOffset(offset, whence), whence.value()), "MPI_File_seek");
    }

    /** This process's file pointer in etypes from the start of the view ({@code MPI_File_get_position}). */
    default long position() {
        MpiFile file = file();
        file.checkPointer(FileOp.Pointer.INDIVIDUAL, "position");
        return file.queryLong(out -> MpiCalls.MPI_File_get_position(file.handle, out), "MPI_File_get_position");
    }

    /** The absolute byte position in the file of view offset {@code offset} ({@code MPI_File_get_byte_offset}). */
    default long byteOffset(long offset) {
        MpiFile file = file();
        file.check();
        MpiFile.nonNegative(offset, "offset");
        return file.queryLong(out -> MpiCalls.MPI_File_get_byte_offset(file.handle, offset, out),
                "MPI_File_get_byte_offset");
    }

    /** Moves the shared file pointer ({@code MPI_File_seek_shared}); collective, same arguments everywhere. */
    default void seekShared(long offset, Whence whence) {
        MpiFile file = file();
        file.check();
        file.check(MpiCalls.MPI_File_seek_shared(file.handle, seekOffset(offset, whence), whence.value()),
                "MPI_File_seek_shared");
    }

    /** The shared file pointer in etypes from the start of the view ({@code MPI_File_get_position_shared}). */
    default long positionShared() {
        MpiFile file = file();
        file.check();
        return file.queryLong(out -> MpiCalls.MPI_File_get_position_shared(file.handle, out),
                "MPI_File_get_position_shared");
    }

    private static long seekOffset(long offset, Whence whence) {
        Objects.requireNonNull(whence, "whence");
        if (whence == Whence.SET && offset < 0) {
            throw new IllegalArgumentException("offset: " + offset + " from SET is before the start of the view");
        }
        return offset;
    }

    private MpiFile file() {
        return (MpiFile) this;
    }
}
