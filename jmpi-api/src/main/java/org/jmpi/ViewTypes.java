package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The datatypes {@code MPI_File_get_view} returns: a predefined type comes back as its
 * own handle, a derived one as a new copy that the caller must free.
 */
final class ViewTypes {
    private ViewTypes() {
    }

    /** The {@link Datatype} for {@code h}: the predefined constant, or a new derived type owning the copy. */
    static Datatype adopt(MemorySegment h, String description) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, 4);
            Errors.check(MpiCalls.MPI_Type_get_envelope(h, out, out.asSlice(4), out.asSlice(8), out.asSlice(12)),
                    "MPI_Type_get_envelope");
            if (out.get(JAVA_INT, 12) == MpiCalls.MPI_COMBINER_NAMED()) {
                Datatype t = Datatype.byHandle(h);
                if (t == null || !t.isPredefined()) {
                    throw new IllegalStateException(description + ": a predefined datatype jmpi does not know");
                }
                return t;
            }
            MemorySegment slot = Abi.allocateHandle(arena);
            Abi.setHandle(slot, 0, h);
            int rc = MpiCalls.MPI_Type_commit(slot);
            if (rc != 0) {
                MpiCalls.MPI_Type_free(slot);
                throw Errors.exception(rc, "MPI_Type_commit");
            }
            return Datatype.derived(Abi.getHandle(slot), description);
        }
    }
}
