/**
 * jmpi's message-passing API over MPI: {@link org.jmpi.Mpi} and the objects it hands out.
 * Only {@code org.jmpi} is exported; {@code org.jmpi.internal} is shared with
 * {@code org.jmpi.dsm} alone, and no type of {@code org.jmpi.bindings} appears in the API.
 *
 * <p>This module makes no restricted FFM call itself: {@code org.jmpi.bindings} makes them all,
 * so native access is granted to that module alone, e.g. {@code java --module-path ...
 * --enable-native-access=org.jmpi.bindings -m app/app.Main}.
 */
@SuppressWarnings("module") // org.jmpi.dsm is built after this module
module org.jmpi {
    requires org.jmpi.bindings;

    exports org.jmpi;
    exports org.jmpi.internal to org.jmpi.dsm;
}
