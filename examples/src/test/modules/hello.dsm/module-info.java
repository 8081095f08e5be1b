/** A user program of distributed shared memory on the module path. */
module hello.dsm {
    requires org.jmpi.dsm;
}
