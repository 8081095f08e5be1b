/**
 * Distributed shared memory over UCX one-sided RMA ({@link org.jmpi.dsm}), bootstrapped
 * through {@code org.jmpi}. It makes restricted FFM calls itself
 * ({@code MemorySegment.reinterpret}): a program using it grants native access to
 * {@code org.jmpi.bindings,org.jmpi,org.jmpi.dsm}.
 */
module org.jmpi.dsm {
    requires transitive org.jmpi;
    requires org.jmpi.bindings;

    exports org.jmpi.dsm;
}
