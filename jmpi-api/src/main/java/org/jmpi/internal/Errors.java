package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.MpiException;
import org.jmpi.bindings.abi.MpiCalls;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/** Turns MPI return codes into {@link MpiException}s. Not public API. */
public final class Errors {
    private Errors() {
    }

    /** Throws unless {@code rc} is {@code MPI_SUCCESS}; the fast path is one compare. */
    public static void check(int rc, String call) {
        if (rc != 0) {
            throw exception(rc, call);
        }
    }

    /**
     * Builds the exception for a failed call, asking MPI for the class and text; a failure
     * of Java code that MPI called back during the call (see {@link Upcalls}) is its cause.
     */
    public static MpiException exception(int rc, String call) {
        return exception(rc, call, null);
    }

    /**
     * {@link #exception(int, String)} with {@code detail} (what jmpi knows about the failure,
     * e.g. the sizes of a truncated receive) after MPI's text; null for none.
     */
    public static MpiException exception(int rc, String call, String detail) {
        String msg = text(rc);
        MpiException e = new MpiException(call, rc, errorClass(rc), detail == null ? msg : msg + "; " + detail);
        Throwable upcall = Upcalls.take();
        if (upcall != null) {
            e.initCause(upcall);
        }
        return e;
    }

    /** The error class of an error code ({@code MPI_Error_class}); the code itself if MPI does not know it. */
    public static int errorClass(int rc) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cls = arena.allocate(JAVA_INT);
            return MpiCalls.MPI_Error_class(rc, cls) == 0 ? cls.get(JAVA_INT, 0) : rc;
        }
    }

    /** MPI's text for an error code ({@code MPI_Error_string}), starting with the name of its class. */
    public static String text(int rc) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(MpiCalls.MPI_MAX_ERROR_STRING());
            MemorySegment len = arena.allocate(JAVA_INT);
            String msg = MpiCalls.MPI_Error_string(rc, text, len) == 0
                    ? text.getString(0) : "unknown MPI error " + rc;
            String name = ClassNames.of(errorClass(rc));
            return name != null && !msg.startsWith(name) ? name + ": " + msg : msg; // MPICH's strings do not name the class
        }
    }

    /** The names of the MPI error classes ({@code MPI_ERR_*}), read from {@link MpiCalls} when first needed. */
    private static final class ClassNames {
        private static final java.util.Map<Integer, String> NAMES = names();

        static String of(int errorClass) {
            return NAMES.get(errorClass);
        }

        private static java.util.Map<Integer, String> names() {
            java.util.Map<Integer, String> names = new java.util.HashMap<>();
            java.lang.reflect.Method[] methods = MpiCalls.class.getMethods();
            java.util.Arrays.sort(methods, java.util.Comparator.comparing(java.lang.reflect.Method::getName));
            for (java.lang.reflect.Method m : methods) {
                if (m.getName().startsWith("MPI_ERR_") && m.getParameterCount() == 0 && m.getReturnType() == int.class
                        && !m.getName().equals("MPI_ERR_LASTCODE")) {
                    try {
                        names.putIfAbsent((Integer) m.invoke(null), m.getName());
                    } catch (ReflectiveOperationException e) {
                        // not a constant: skip it
                    }
                }
            }
            return java.util.Map.copyOf(names);
        }
    }
}
