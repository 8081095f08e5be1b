package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;

/**
 * A port that other MPI processes can {@link DynamicProcesses#connect connect} to
 * ({@code MPI_Open_port}); {@link #close()} closes it ({@code MPI_Close_port}). Its
 * {@link #name()} travels to the connecting side by any means: a message, a file, or the
 * name service ({@link #publish}, {@link #lookup}). In Open MPI 4.1 both sides must run
 * under the same {@code mpirun} (or reach an {@code ompi-server}); a process cannot
 * connect to a port it accepts on itself.
 *
 * <pre>{@code
 * try (Port port = Port.open()) {                    // server side, at its root
 *     world.send(port.name().getBytes(), client, 0);
 *     try (Comm clients = server.accept(port.name(), 0)) { ... }
 * }
 * }</pre>
 */
public final class Port implements AutoCloseable {
    private final String name;
    private boolean closed;

    private Port(String name) {
        this.name = name;
    }

    /** Opens a new port ({@code MPI_Open_port}). */
    public static Port open() {
        MpiState.checkCall();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(MpiCalls.MPI_MAX_PORT_NAME());
            Errors.check(MpiCalls.MPI_Open_port(Handles.INFO_NULL, out), "MPI_Open_port");
            return new Port(out.getString(0));
        }
    }

    /** The port's name, what {@link DynamicProcesses#connect} and {@link DynamicProcesses#accept} take. */
    public String name() {
        check();
        return name;
    }

    /** Publishes the port under {@code service} ({@code MPI_Publish_name}). */
    public void publish(String service) {
        check();
        names(service, true);
    }

    /** Withdraws the port from {@code service} ({@code MPI_Unpublish_name}). */
    public void unpublish(String service) {
        check();
        names(service, false);
    }

    private void names(String service, boolean publish) {
        service(service);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocateFrom(service);
            MemorySegment p = arena.allocateFrom(name);
            if (publish) {
                Errors.check(MpiCalls.MPI_Publish_name(s, Handles.INFO_NULL, p), "MPI_Publish_name");
            } else {
                Errors.check(MpiCalls.MPI_Unpublish_name(s, Handles.INFO_NULL, p), "MPI_Unpublish_name");
            }
        }
    }

    /**
     * The port published under {@code service} ({@code MPI_Lookup_name}), or empty when
     * none is ({@code MPI_ERR_NAME}).
     */
    public static Optional<String> lookup(String service) {
        MpiState.checkCall();
        service(service);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(MpiCalls.MPI_MAX_PORT_NAME());
            int rc = MpiCalls.MPI_Lookup_name(arena.allocateFrom(service), Handles.INFO_NULL, out);
            if (rc != 0 && Errors.exception(rc, "MPI_Lookup_name").errorClass() == MpiCalls.MPI_ERR_NAME()) {
                return Optional.empty();
            }
            Errors.check(rc, "MPI_Lookup_name");
            return Optional.of(out.getString(0));
        }
    }

    private static void service(String service) {
        Objects.requireNonNull(service, "service");
        if (service.isEmpty() || service.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("service: must be a non-empty name without NUL characters");
        }
    }

    /** Why {@code port} cannot be a port name, or null if it can. */
    static String refusal(String port) {
        if (port == null) {
            return "port: null at the root";
        }
        int bytes = port.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes >= MpiCalls.MPI_MAX_PORT_NAME() || port.indexOf('\0') >= 0) {
            return "port: '" + port + "' is not a port name (1 to " + (MpiCalls.MPI_MAX_PORT_NAME() - 1)
                    + " bytes, no NUL)";
        }
        return null;
    }

    private void check() {
        MpiState.checkCall();
        if (closed) {
            throw new IllegalStateException("port " + name + " has been closed");
        }
    }

    /** Closes the port exactly once ({@code MPI_Close_port}); connections made through it stay. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        MpiState.checkCall();
        closed = true;
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(MpiCalls.MPI_Close_port(arena.allocateFrom(name)), "MPI_Close_port");
        }
    }

    @Override
    public String toString() {
        return "Port[" + name + (closed ? ", closed" : "") + "]";
    }
}
