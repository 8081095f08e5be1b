package org.jmpi;

/**
 * How messages and MPI function names speak of one kind of MPI object that takes
 * attributes or error handlers: {@code what} it is ("communicator"), the {@code prefix} of
 * its MPI calls ("Comm") and the jmpi {@code factory} that makes a handler or keyval for
 * it. Not public API.
 */
record ObjectKind(String what, String prefix, String factory) {

    /** The MPI function name for {@code op} ("set_attr", "create_errhandler", ...). */
    String call(String op) {
        return "MPI_" + prefix + "_" + op;
    }
}
