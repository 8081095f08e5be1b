package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;
import org.jmpi.internal.Slabs;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * The status of a receive or a completed request ({@code MPI_Status}). A {@code Status}
 * is reusable: pass one to the receive and wait calls that fill it, so a loop of
 * receives allocates nothing. It is MPI's own status in native memory: the setters
 * ({@link #setElements}, {@link #setCancelled}) go through MPI, so MPI's queries and
 * those of this class agree.
 */
public final class Status {
    private final MemorySegment native_;

    /** A new, empty status. */
    public Status() {
        this.native_ = Slabs.allocate(Abi.STATUS_LAYOUT);
    }

    MemorySegment segment() {
        return native_;
    }

    /** The rank that sent the message ({@code MPI_SOURCE}). */
    public int source() {
        return Abi.statusSource(native_, 0);
    }

    /** The message's tag ({@code MPI_TAG}). */
    public int tag() {
        return Abi.statusTag(native_, 0);
    }

    /** The error code of the operation ({@code MPI_ERROR}), meaningful for multi-completion calls. */
    public int error() {
        return Abi.statusError(native_, 0);
    }

    /**
     * The number of whole {@code type} elements received ({@code MPI_Get_count}), or
     * {@code -1} ({@code MPI_UNDEFINED}) when the byte count is not a multiple of the type's size.
     */
    public int count(Datatype type) {
        MpiState.checkCall();
        if (type == Datatype.BYTE) {
            long bytes = Abi.statusBytes(native_, 0);
            return bytes > Integer.MAX_VALUE ? -1 : (int) bytes;
        }
        MemorySegment c = Scratch.words();
        Errors.check(MpiCalls.MPI_Get_count(native_, type.handle(), c), "MPI_Get_count");
        int n = c.get(JAVA_INT, 0);
        return n == MpiCalls.MPI_UNDEFINED() ? -1 : n;
    }

    /**
     * The number of basic elements of {@code type} received ({@code MPI_Get_elements_x}), as a
     * long: for a predefined type the count of that type, also beyond MPI's int (where
     * {@link #count} gives -1), e.g. the byte length of a message with {@link Datatype#BYTE}.
     */
    public long elements(Datatype type) {
        MpiState.checkCall();
        if (type == Datatype.BYTE) {
            return Abi.statusBytes(native_, 0);
        }
        MemorySegment c = Scratch.words();
        Errors.check(MpiCalls.MPI_Get_elements_x(native_, type.handle(), c), "MPI_Get_elements_x");
        return c.get(JAVA_LONG_UNALIGNED, 0);
    }

    /** Whether the request was cancelled ({@code MPI_Test_cancelled}). */
    public boolean cancelled() {
        MpiState.checkCall();
        return Abi.statusCancelled(native_, 0);
    }

    /**
     * Records that the operation moved {@code count} basic elements of {@code type}
     * ({@code MPI_Status_set_elements_x}), as the query function of a layered operation
     * does: afterwards {@link #elements(Datatype) elements(type)} returns {@code count} and
     * {@link #count(Datatype) count(type)} the whole elements of {@code type} that makes
     * (or -1); the other fields stay. Basic elements as the standard counts them, on every
     * MPI (MPICH 4.0.2 alone would take whole elements of a derived type). Returns this status.
     *
     * @throws IllegalArgumentException if {@code count} is negative, or positive for a type
     *                                  that holds no data
     */
    public Status setElements(Datatype type, long count) {
        MpiState.checkCall();
        StatusElements.set(native_, Objects.requireNonNull(type, "type"), count);
        return this;
    }

    /**
     * Records whether the operation was cancelled ({@code MPI_Status_set_cancelled}):
     * {@link #cancelled()} returns {@code flag} afterwards. Returns this status.
     */
    public Status setCancelled(boolean flag) {
        MpiState.checkCall();
        Errors.check(MpiCalls.MPI_Status_set_cancelled(native_, flag ? 1 : 0), "MPI_Status_set_cancelled");
        return this;
    }

    @Override
    public String toString() {
        return "Status[source=" + source() + ", tag=" + tag() + ", error=" + error() + "]";
    }
}
