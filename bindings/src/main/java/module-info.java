/**
 * jmpi's native layer: the jextract output for Open MPI's and MPICH's {@code mpi.h} and
 * UCX's {@code ucp.h}, and the hand-written ABI helpers beside it. Nothing here is API:
 * each package is exported only to the jmpi module that calls it.
 *
 * <p>This module is the only one of jmpi's that makes restricted FFM calls: it links every
 * downcall, looks up the libraries, and ({@code org.jmpi.bindings.access}) sizes native memory
 * and makes upcall stubs for the modules above it. A program on the module path grants it
 * native access alone: {@code --enable-native-access=org.jmpi.bindings}.
 */
@SuppressWarnings("module") // the modules exported to are built after this one
module org.jmpi.bindings {
    // MPI: the one call table for both ABIs; the per-ABI packages (mpi, mpich, ompi) stay inside.
    exports org.jmpi.bindings.abi to org.jmpi;
    // UCX: ucx-dsm calls ucp_* directly.
    exports org.jmpi.bindings.ucs to org.jmpi.dsm;
    exports org.jmpi.bindings.ucx to org.jmpi.dsm;
    // The restricted operations jmpi-api and ucx-dsm need beyond the generated calls.
    exports org.jmpi.bindings.access to org.jmpi, org.jmpi.dsm;
}
