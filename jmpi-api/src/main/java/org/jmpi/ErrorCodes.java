package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * MPI error classes and codes: the common predefined classes as constants (compare them
 * with {@link MpiException#errorClass()}), and user-defined classes, codes and strings
 * ({@code MPI_Add_error_class}, {@code MPI_Add_error_code}, {@code MPI_Add_error_string}),
 * which {@link MpiException} and {@link #string} report like predefined ones. Add classes
 * and codes in the same order on every rank so that their numbers agree.
 */
public final class ErrorCodes {
    /** {@code MPI_SUCCESS}. */
    public static final int SUCCESS = 0;
    /** {@code MPI_ERR_BUFFER}: invalid buffer pointer. */
    public static final int ERR_BUFFER = MpiCalls.MPI_ERR_BUFFER();
    /** {@code MPI_ERR_COUNT}: invalid count. */
    public static final int ERR_COUNT = MpiCalls.MPI_ERR_COUNT();
    /** {@code MPI_ERR_TYPE}: invalid datatype. */
    public static final int ERR_TYPE = MpiCalls.MPI_ERR_TYPE();
    /** {@code MPI_ERR_TAG}: invalid tag. */
    public static final int ERR_TAG = MpiCalls.MPI_ERR_TAG();
    /** {@code MPI_ERR_COMM}: invalid communicator. */
    public static final int ERR_COMM = MpiCalls.MPI_ERR_COMM();
    /** {@code MPI_ERR_RANK}: invalid rank. */
    public static final int ERR_RANK = MpiCalls.MPI_ERR_RANK();
    /** {@code MPI_ERR_ARG}: invalid argument. */
    public static final int ERR_ARG = MpiCalls.MPI_ERR_ARG();
    /** {@code MPI_ERR_TRUNCATE}: a message was longer than the receive buffer. */
    public static final int ERR_TRUNCATE = MpiCalls.MPI_ERR_TRUNCATE();
    /** {@code MPI_ERR_OTHER}: other error (also what a failing Java callback returns). */
    public static final int ERR_OTHER = MpiCalls.MPI_ERR_OTHER();
    /** {@code MPI_ERR_INTERN}: internal error. */
    public static final int ERR_INTERN = MpiCalls.MPI_ERR_INTERN();
    /** {@code MPI_ERR_IN_STATUS}: see the statuses of a multi-completion call. */
    public static final int ERR_IN_STATUS = MpiCalls.MPI_ERR_IN_STATUS();
    /** {@code MPI_ERR_PENDING}: operation neither completed nor failed. */
    public static final int ERR_PENDING = MpiCalls.MPI_ERR_PENDING();
    /** {@code MPI_ERR_KEYVAL}: invalid attribute key. */
    public static final int ERR_KEYVAL = MpiCalls.MPI_ERR_KEYVAL();
    /** {@code MPI_ERR_INFO_KEY}: info key too long or empty. */
    public static final int ERR_INFO_KEY = MpiCalls.MPI_ERR_INFO_KEY();
    /** {@code MPI_ERR_INFO_VALUE}: info value too long or empty. */
    public static final int ERR_INFO_VALUE = MpiCalls.MPI_ERR_INFO_VALUE();
    /** {@code MPI_ERR_INFO_NOKEY}: info key not set. */
    public static final int ERR_INFO_NOKEY = MpiCalls.MPI_ERR_INFO_NOKEY();
    /** {@code MPI_ERR_LASTCODE}: the last predefined error code; user classes and codes come after it. */
    public static final int ERR_LASTCODE = MpiCalls.MPI_ERR_LASTCODE();

    /** The largest class or code added through this class (MPICH's MPI_LASTUSEDCODE counts classes only). */
    private static final java.util.concurrent.atomic.AtomicInteger ADDED = new java.util.concurrent.atomic.AtomicInteger();

    private ErrorCodes() {
    }

    /** A new error class ({@code MPI_Add_error_class}); it is also a code of itself. */
    public static int addClass() {
        MpiState.checkCall();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Add_error_class(out), "MPI_Add_error_class");
            return added(out.get(JAVA_INT, 0));
        }
    }

    /** A new error code of {@code errorClass} ({@code MPI_Add_error_code}). */
    public static int addCode(int errorClass) {
        checkCode(errorClass, 1, "errorClass");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Add_error_code(errorClass, out), "MPI_Add_error_code");
            return added(out.get(JAVA_INT, 0));
        }
    }

    /**
     * Sets the text of a user-defined class or code ({@code MPI_Add_error_string}); at most
     * {@code MPI_MAX_ERROR_STRING - 1} bytes. Predefined codes keep their text.
     */
    public static void addString(int code, String text) {
        Objects.requireNonNull(text, "text");
        checkCode(code, ERR_LASTCODE + 1, "code");
        int max = MpiCalls.MPI_MAX_ERROR_STRING() - 1;
        if (text.getBytes(StandardCharsets.UTF_8).length > max || text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("text: longer than " + max + " bytes or contains a NUL character");
        }
        try (Arena arena = Arena.ofConfined()) {
            Errors.check(MpiCalls.MPI_Add_error_string(code, arena.allocateFrom(text)), "MPI_Add_error_string");
        }
    }

    /** The text of an error code or class ({@code MPI_Error_string}). */
    public static String string(int code) {
        checkCode(code, 0, "code");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment text = arena.allocate(MpiCalls.MPI_MAX_ERROR_STRING());
            MemorySegment len = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Error_string(code, text, len), "MPI_Error_string");
            return text.getString(0);
        }
    }

    /** The class of an error code ({@code MPI_Error_class}). */
    public static int classOf(int code) {
        checkCode(code, 0, "code");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Error_class(code, out), "MPI_Error_class");
            return out.get(JAVA_INT, 0);
        }
    }

    private static int added(int code) {
        ADDED.accumulateAndGet(code, Math::max);
        return code;
    }

    /**
     * The largest error code in use, predefined or added: {@code MPI_LASTUSEDCODE}, and no
     * less than {@link #ERR_LASTCODE} or the largest code added here (MPICH numbers its own
     * codes up to {@code ERR_LASTCODE} and does not count added codes in the attribute).
     */
    public static int lastUsedCode() {
        MpiState.checkCall();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment value = arena.allocate(ADDRESS);
            MemorySegment flag = arena.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Comm_get_attr(Handles.COMM_WORLD, MpiCalls.MPI_LASTUSEDCODE(), value, flag),
                    "MPI_Comm_get_attr");
            int attr = flag.get(JAVA_INT, 0) == 0 ? ERR_LASTCODE
                    : NativeAccess.sized(value.get(ADDRESS, 0), JAVA_INT.byteSize()).get(JAVA_INT, 0);
            return Math.max(Math.max(attr, ERR_LASTCODE), ADDED.get());
        }
    }

    private static void checkCode(int code, int min, String arg) {
        int last = lastUsedCode();
        if (code < min || code > last) {
            throw new IllegalArgumentException(arg + ": " + code + " is not in [" + min + ", " + last + "]"
                    + (min > ERR_LASTCODE ? " (only added classes and codes take a text)" : ""));
        }
    }
}
