package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.ToIntBiFunction;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.ADDRESS;

/**
 * The kinds of MPI object that take error handlers, each with its four MPI calls. A
 * {@link Errhandler} written in Java belongs to one kind; the predefined ones to all.
 */
enum ErrhandlerTarget {
    COMM("communicator", "Comm", "Errhandler.create", MpiCalls::MPI_Comm_create_errhandler,
            MpiCalls::MPI_Comm_set_errhandler, MpiCalls::MPI_Comm_get_errhandler, MpiCalls::MPI_Comm_call_errhandler),
    WIN("window", "Win", "Errhandler.forWin", MpiCalls::MPI_Win_create_errhandler, MpiCalls::MPI_Win_set_errhandler,
            MpiCalls::MPI_Win_get_errhandler, MpiCalls::MPI_Win_call_errhandler),
    FILE("file", "File", "Errhandler.forFile", MpiCalls::MPI_File_create_errhandler, MpiCalls::MPI_File_set_errhandler,
            MpiCalls::MPI_File_get_errhandler, MpiCalls::MPI_File_call_errhandler);

    /** {@code MPI_X_call_errhandler(handle, errorcode)}. */
    interface Call {
        int apply(MemorySegment handle, int errorCode);
    }

    /** How messages name this kind, its MPI calls and its jmpi factory. */
    final ObjectKind kind;
    /** {@code MPI_X_create_errhandler(function, &errhandler)}. */
    final ToIntBiFunction<MemorySegment, MemorySegment> create;
    /** {@code MPI_X_set_errhandler(handle, errhandler)}. */
    final ToIntBiFunction<MemorySegment, MemorySegment> set;
    private final ToIntBiFunction<MemorySegment, MemorySegment> get;
    final Call call;

    ErrhandlerTarget(String what, String prefix, String factory, ToIntBiFunction<MemorySegment, MemorySegment> create,
                     ToIntBiFunction<MemorySegment, MemorySegment> set, ToIntBiFunction<MemorySegment, MemorySegment> get,
                     Call call) {
        this.kind = new ObjectKind(what, prefix, factory);
        this.create = create;
        this.set = set;
        this.get = get;
        this.call = call;
    }


    /** The kind of {@code owner}. */
    static ErrhandlerTarget of(ErrorHandling owner) {
        return switch (owner) {
            case Comm c -> COMM;
            case Win w -> WIN;
            case MpiFile f -> FILE;
        };
    }

    /** The handle of {@code owner}, without checks. */
    static MemorySegment handle(ErrorHandling owner) {
        return switch (owner) {
            case Comm c -> c.handle;
            case Win w -> w.handle;
            case MpiFile f -> f.handle;
        };
    }

    /** The handle of {@code owner}, after refusing the call unless MPI runs, the thread may call and it is live. */
    static MemorySegment live(ErrorHandling owner) {
        switch (owner) {
            case Comm c -> c.check();
            case Win w -> w.check();
            case MpiFile f -> f.check();
        }
        return handle(owner);
    }

    /** The address of the handler set on {@code handle}; the reference {@code MPI_X_get_errhandler} adds is dropped. */
    long current(MemorySegment handle) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(get.applyAsInt(handle, out), kind.call("get_errhandler"));
            long address = Abi.getHandle(out).address();
            Errors.check(MpiCalls.MPI_Errhandler_free(out), "MPI_Errhandler_free");
            return address;
        }
    }
}
