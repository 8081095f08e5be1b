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
 * MPI error classes and codes: the predefined classes as constants (compare them
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

    // The other predefined classes of MPI 3.1 (their values differ between MPIs).
    /** {@code MPI_ERR_REQUEST}: invalid request. */
    public static final int ERR_REQUEST = MpiCalls.MPI_ERR_REQUEST();
    /** {@code MPI_ERR_ROOT}: invalid root. */
    public static final int ERR_ROOT = MpiCalls.MPI_ERR_ROOT();
    /** {@code MPI_ERR_GROUP}: invalid group. */
    public static final int ERR_GROUP = MpiCalls.MPI_ERR_GROUP();
    /** {@code MPI_ERR_OP}: invalid operation. */
    public static final int ERR_OP = MpiCalls.MPI_ERR_OP();
    /** {@code MPI_ERR_TOPOLOGY}: invalid topology. */
    public static final int ERR_TOPOLOGY = MpiCalls.MPI_ERR_TOPOLOGY();
    /** {@code MPI_ERR_DIMS}: invalid dimension argument. */
    public static final int ERR_DIMS = MpiCalls.MPI_ERR_DIMS();
    /** {@code MPI_ERR_UNKNOWN}: unknown error. */
    public static final int ERR_UNKNOWN = MpiCalls.MPI_ERR_UNKNOWN();
    /** {@code MPI_ERR_ACCESS}: permission denied. */
    public static final int ERR_ACCESS = MpiCalls.MPI_ERR_ACCESS();
    /** {@code MPI_ERR_AMODE}: invalid file access mode. */
    public static final int ERR_AMODE = MpiCalls.MPI_ERR_AMODE();
    /** {@code MPI_ERR_ASSERT}: invalid assertion argument. */
    public static final int ERR_ASSERT = MpiCalls.MPI_ERR_ASSERT();
    /** {@code MPI_ERR_BAD_FILE}: invalid file name. */
    public static final int ERR_BAD_FILE = MpiCalls.MPI_ERR_BAD_FILE();
    /** {@code MPI_ERR_BASE}: invalid base address. */
    public static final int ERR_BASE = MpiCalls.MPI_ERR_BASE();
    /** {@code MPI_ERR_CONVERSION}: data conversion error. */
    public static final int ERR_CONVERSION = MpiCalls.MPI_ERR_CONVERSION();
    /** {@code MPI_ERR_DISP}: invalid displacement. */
    public static final int ERR_DISP = MpiCalls.MPI_ERR_DISP();
    /** {@code MPI_ERR_DUP_DATAREP}: data representation already registered. */
    public static final int ERR_DUP_DATAREP = MpiCalls.MPI_ERR_DUP_DATAREP();
    /** {@code MPI_ERR_FILE_EXISTS}: file exists. */
    public static final int ERR_FILE_EXISTS = MpiCalls.MPI_ERR_FILE_EXISTS();
    /** {@code MPI_ERR_FILE_IN_USE}: file in use. */
    public static final int ERR_FILE_IN_USE = MpiCalls.MPI_ERR_FILE_IN_USE();
    /** {@code MPI_ERR_FILE}: invalid file handle. */
    public static final int ERR_FILE = MpiCalls.MPI_ERR_FILE();
    /** {@code MPI_ERR_INFO}: invalid info object. */
    public static final int ERR_INFO = MpiCalls.MPI_ERR_INFO();
    /** {@code MPI_ERR_IO}: input/output error. */
    public static final int ERR_IO = MpiCalls.MPI_ERR_IO();
    /** {@code MPI_ERR_LOCKTYPE}: invalid lock type. */
    public static final int ERR_LOCKTYPE = MpiCalls.MPI_ERR_LOCKTYPE();
    /** {@code MPI_ERR_NAME}: service name not published. */
    public static final int ERR_NAME = MpiCalls.MPI_ERR_NAME();
    /** {@code MPI_ERR_NO_MEM}: out of memory. */
    public static final int ERR_NO_MEM = MpiCalls.MPI_ERR_NO_MEM();
    /** {@code MPI_ERR_NOT_SAME}: collective argument not the same on every process. */
    public static final int ERR_NOT_SAME = MpiCalls.MPI_ERR_NOT_SAME();
    /** {@code MPI_ERR_NO_SPACE}: not enough space. */
    public static final int ERR_NO_SPACE = MpiCalls.MPI_ERR_NO_SPACE();
    /** {@code MPI_ERR_NO_SUCH_FILE}: file does not exist. */
    public static final int ERR_NO_SUCH_FILE = MpiCalls.MPI_ERR_NO_SUCH_FILE();
    /** {@code MPI_ERR_PORT}: invalid port name. */
    public static final int ERR_PORT = MpiCalls.MPI_ERR_PORT();
    /** {@code MPI_ERR_QUOTA}: quota exceeded. */
    public static final int ERR_QUOTA = MpiCalls.MPI_ERR_QUOTA();
    /** {@code MPI_ERR_READ_ONLY}: read-only file or file system. */
    public static final int ERR_READ_ONLY = MpiCalls.MPI_ERR_READ_ONLY();
    /** {@code MPI_ERR_RMA_CONFLICT}: conflicting accesses to a window. */
    public static final int ERR_RMA_CONFLICT = MpiCalls.MPI_ERR_RMA_CONFLICT();
    /** {@code MPI_ERR_RMA_SYNC}: wrong synchronisation of one-sided calls. */
    public static final int ERR_RMA_SYNC = MpiCalls.MPI_ERR_RMA_SYNC();
    /** {@code MPI_ERR_RMA_RANGE}: target memory outside the window. */
    public static final int ERR_RMA_RANGE = MpiCalls.MPI_ERR_RMA_RANGE();
    /** {@code MPI_ERR_RMA_ATTACH}: memory cannot be attached. */
    public static final int ERR_RMA_ATTACH = MpiCalls.MPI_ERR_RMA_ATTACH();
    /** {@code MPI_ERR_RMA_SHARED}: memory cannot be shared. */
    public static final int ERR_RMA_SHARED = MpiCalls.MPI_ERR_RMA_SHARED();
    /** {@code MPI_ERR_RMA_FLAVOR}: wrong window flavour. */
    public static final int ERR_RMA_FLAVOR = MpiCalls.MPI_ERR_RMA_FLAVOR();
    /** {@code MPI_ERR_SERVICE}: invalid service name. */
    public static final int ERR_SERVICE = MpiCalls.MPI_ERR_SERVICE();
    /** {@code MPI_ERR_SIZE}: invalid size. */
    public static final int ERR_SIZE = MpiCalls.MPI_ERR_SIZE();
    /** {@code MPI_ERR_SPAWN}: error spawning processes. */
    public static final int ERR_SPAWN = MpiCalls.MPI_ERR_SPAWN();
    /** {@code MPI_ERR_UNSUPPORTED_DATAREP}: unsupported data representation. */
    public static final int ERR_UNSUPPORTED_DATAREP = MpiCalls.MPI_ERR_UNSUPPORTED_DATAREP();
    /** {@code MPI_ERR_UNSUPPORTED_OPERATION}: unsupported operation. */
    public static final int ERR_UNSUPPORTED_OPERATION = MpiCalls.MPI_ERR_UNSUPPORTED_OPERATION();
    /** {@code MPI_ERR_WIN}: invalid window. */
    public static final int ERR_WIN = MpiCalls.MPI_ERR_WIN();

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
