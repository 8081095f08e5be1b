/** A user program on the module path: it needs nothing of jmpi but the exported API. */
module hello {
    requires org.jmpi;
}
