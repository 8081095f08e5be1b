package org.jmpi;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiKind;

/**
 * Defects of the loaded MPI library that jmpi works around, one flag each, decided when
 * the class loads. MPICH 4.0.2's are in docs/mpich.md; Open MPI's window defects are in
 * {@link WinQuirks}.
 */
final class MpiQuirks {
    private static final boolean MPICH = Abi.KIND == MpiKind.MPICH;

    /** In-place {@code MPI_Ialltoallw} delivers wrong blocks when the types differ between peers. */
    static final boolean IALLTOALLW_IN_PLACE_BROKEN = MPICH;
    /** {@code MPI_(I)allgatherv} on one process ignores the block's displacement. */
    static final boolean ONE_PROCESS_DISPLS_IGNORED = MPICH;
    /** ROMIO counts the elements a strided view would hold past the end of the file as read. */
    static final boolean READS_PAST_EOF_COUNTED = MPICH;
    /**
     * Open MPI 4.1's {@code MPI_Waitall} at {@code MPI_THREAD_MULTIPLE} never returns when a
     * request in it had already completed with an error when it was called (a truncated
     * receive whose message had arrived): it leaves its wait object registered and spins
     * waiting for it. {@code MPI_Waitsome} does not, so {@link Request#waitAll} repeats that.
     */
    static final boolean WAITALL_SPINS_ON_FAILED = !MPICH;
    /**
     * Open MPI 4.1's split collective reads ({@code MPI_File_read_all_begin}, ...) are
     * nonblocking reads underneath (ompio), which never complete when they reach past the
     * end of the file (see {@link ReadClip}): the {@code *_end} call would hang. MPICH's
     * ROMIO reads in the begin call.
     */
    static final boolean SPLIT_READS_HANG_PAST_EOF = !MPICH;
    /**
     * Open MPI 4.1's {@code MPI_Cart_map} and {@code MPI_Graph_map}, on a communicator
     * without that topology, return the caller's rank even when it lies outside the grid
     * or graph, where the standard says {@code MPI_UNDEFINED}.
     */
    static final boolean MAP_IGNORES_NODE_COUNT = !MPICH;
    /**
     * MPICH 4.0.2's {@code MPI_Status_set_elements(_x)} takes the count as whole elements
     * of the datatype (it records count x size bytes), where the standard takes basic
     * elements, as {@code MPI_Get_elements} counts them; the two agree on predefined types.
     */
    static final boolean SET_ELEMENTS_COUNTS_WHOLE_TYPES = MPICH;

    private MpiQuirks() {
    }
}
