/**
 * jmpi's native layer: the jextract output for Open MPI's and MPICH's {@code mpi.h} and
 * UCX's {@code ucp.h}, and the hand-written ABI helpers beside it. Nothing here is API:
 * each package is exported only to the jmpi module that calls it.
 *
 * <p>This module makes restricted FFM calls (it links every downcall and looks up the
 * libraries), so a program on the module path grants it native access:
 * {@code --enable-native-access=org.jmpi.bindings,org.jmpi} (plus {@code org.jmpi.dsm}
 * with distributed shared memory).
 */
@SuppressWarnings("module") // the modules exported to are built after this one
module org.jmpi.bindings {
    // MPI: the one call table for both ABIs; the per-ABI packages (mpi, mpich, ompi) stay inside.
    exports org.jmpi.bindings.abi to org.jmpi;
    // UCX: ucx-dsm calls ucp_* directly.
    exports org.jmpi.bindings.ucs to org.jmpi.dsm;
    exports org.jmpi.bindings.ucx to org.jmpi.dsm;
}
