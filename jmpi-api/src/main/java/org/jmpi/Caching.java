package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * What a {@link Comm} caches: Java objects under a {@link Keyval}, MPI's predefined
 * attributes ({@code MPI_TAG_UB}, {@code MPI_HOST}, {@code MPI_IO},
 * {@code MPI_WTIME_IS_GLOBAL}, {@code MPI_APPNUM}, {@code MPI_UNIVERSE_SIZE}), and info
 * hints ({@code MPI_Comm_set_info}, {@code MPI_Comm_get_info}).
 */
public sealed interface Caching permits Comm {

    /**
     * Caches {@code value} (not null) under {@code keyval} ({@code MPI_Comm_set_attr}); an
     * old value is deleted first, through the keyval's delete function.
     */
    default <T> void setAttr(Keyval<T> keyval, T value) {
        Comm c = comm();
        c.check();
        AttrTarget.COMM.set(c.handle, Objects.requireNonNull(keyval, "keyval"), value);
    }

    /** The value cached under {@code keyval}, or empty ({@code MPI_Comm_get_attr}). */
    default <T> Optional<T> getAttr(Keyval<T> keyval) {
        Comm c = comm();
        c.check();
        return AttrTarget.COMM.get(c.handle, Objects.requireNonNull(keyval, "keyval"));
    }

    /**
     * Deletes the value cached under {@code keyval}, running its delete function
     * ({@code MPI_Comm_delete_attr}); returns false if there was none.
     */
    default boolean deleteAttr(Keyval<?> keyval) {
        Comm c = comm();
        c.check();
        return AttrTarget.COMM.delete(c.handle, Objects.requireNonNull(keyval, "keyval"));
    }

    /** The largest tag MPI accepts ({@code MPI_TAG_UB}); tags run from 0 to this. */
    default int tagUpperBound() {
        return predefined(MpiCalls.MPI_TAG_UB()).orElse(MpiState.tagUpperBound());
    }

    /** The rank of the host process ({@code MPI_HOST}), empty when there is none. */
    default OptionalInt hostRank() {
        int host = predefined(MpiCalls.MPI_HOST()).orElse(Args.PROC_NULL);
        return host == Args.PROC_NULL ? OptionalInt.empty() : OptionalInt.of(host);
    }

    /**
     * A rank that can do language I/O ({@code MPI_IO}): this rank if it can, else another;
     * {@link Comm#ANY_SOURCE} when every rank can, {@link Comm#PROC_NULL} when none can.
     */
    default int ioRank() {
        return predefined(MpiCalls.MPI_IO()).orElse(Args.PROC_NULL);
    }

    /** Whether {@link Mpi#wtime()} is synchronised across all processes ({@code MPI_WTIME_IS_GLOBAL}). */
    default boolean wtimeIsGlobal() {
        return predefined(MpiCalls.MPI_WTIME_IS_GLOBAL()).orElse(0) != 0;
    }

    /** The application number in an MPMD launch ({@code MPI_APPNUM}), empty when MPI does not say. */
    default OptionalInt appNum() {
        return predefined(MpiCalls.MPI_APPNUM());
    }

    /** How many processes the job could hold ({@code MPI_UNIVERSE_SIZE}), empty when MPI does not say. */
    default OptionalInt universeSize() {
        return predefined(MpiCalls.MPI_UNIVERSE_SIZE());
    }

    /** Sets hints on the communicator ({@code MPI_Comm_set_info}); MPI keeps the ones it knows. */
    default void setInfo(Info info) {
        Comm c = comm();
        c.check();
        Errors.check(MpiCalls.MPI_Comm_set_info(c.handle, Objects.requireNonNull(info, "info").handle()),
                "MPI_Comm_set_info");
    }

    /** Sets the hints in {@code hints} ({@code MPI_Comm_set_info}); see {@link Info} for the limits. */
    default void setInfo(Map<String, String> hints) {
        try (Info info = Info.of(hints, "hints")) {
            setInfo(info);
        }
    }

    /** The hints in use, as a new {@link Info} to close ({@code MPI_Comm_get_info}). */
    default Info getInfo() {
        Comm c = comm();
        c.check();
        MemorySegment out = Scratch.handles(1);
        Errors.check(MpiCalls.MPI_Comm_get_info(c.handle, out), "MPI_Comm_get_info");
        return Info.owned(Abi.getHandle(out));
    }

    /**
     * The int a predefined attribute points to, cached on this communicator or, as the
     * standard attaches them to it, on {@code MPI_COMM_WORLD}.
     */
    private OptionalInt predefined(int keyval) {
        Comm c = comm();
        c.check();
        long p = AttrTarget.COMM.raw(c.handle, keyval);
        if (p == 0) {
            p = AttrTarget.COMM.raw(Handles.COMM_WORLD, keyval);
        }
        return p == 0 ? OptionalInt.empty()
                : OptionalInt.of(NativeAccess.sized(MemorySegment.ofAddress(p), JAVA_INT.byteSize()).get(JAVA_INT, 0));
    }

    private Comm comm() {
        return (Comm) this;
    }
}
