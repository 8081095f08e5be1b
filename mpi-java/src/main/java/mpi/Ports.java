package mpi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jmpi.Port;

/** The ports this process opened, by name, for the static port calls of {@link Intracomm}. */
final class Ports {
    private static final Map<String, Port> OPEN = new ConcurrentHashMap<>();

    private Ports() {
    }

    static String open() throws MPIException {
        Lifecycle.check();
        try {
            Port p = Port.open();
            OPEN.put(p.name(), p);
            return p.name();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Open_port");
        }
    }

    static void close(String name) throws MPIException {
        Port p = port(name, "MPI_Close_port");
        OPEN.remove(name);
        try {
            p.close();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Close_port");
        }
    }

    static void publish(String service, String name, boolean publish) throws MPIException {
        Port p = port(name, publish ? "MPI_Publish_name" : "MPI_Unpublish_name");
        try {
            if (publish) {
                p.publish(service);
            } else {
                p.unpublish(service);
            }
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, publish ? "MPI_Publish_name" : "MPI_Unpublish_name");
        }
    }

    static String lookup(String service) throws MPIException {
        Lifecycle.check();
        try {
            return Port.lookup(service).orElseThrow(() -> Failure.arg(MPI.ERR_NAME,
                    "service: " + service + " is not published"));
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Lookup_name");
        }
    }

    private static Port port(String name, String call) throws MPIException {
        Lifecycle.check();
        Port p = name == null ? null : OPEN.get(name);
        if (p == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_PORT,
                    "port: " + name + " was not opened by this process"), call);
        }
        return p;
    }
}
