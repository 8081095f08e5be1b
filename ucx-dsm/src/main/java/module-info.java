/**
 * Distributed shared memory over UCX one-sided RMA ({@link org.jmpi.dsm}), bootstrapped
 * through {@code org.jmpi}. Like {@code org.jmpi}, it leaves every restricted FFM call to
 * {@code org.jmpi.bindings}: a program using it grants native access to that module alone.
 */
module org.jmpi.dsm {
    requires transitive org.jmpi;
    requires org.jmpi.bindings;

    exports org.jmpi.dsm;
}
