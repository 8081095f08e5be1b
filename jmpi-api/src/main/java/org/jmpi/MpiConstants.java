package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * The numbers the running MPI library gives its named integer constants, for code that
 * needs them as numbers: a compatibility layer that exposes C's constants (jmpi's own API
 * uses enums and methods instead), or data exchanged with C code. Open MPI and MPICH give
 * many of them different values, so none is a compile-time constant. Error classes are in
 * {@link ErrorCodes}; {@code MPI_ANY_SOURCE}, {@code MPI_ANY_TAG}, {@code MPI_PROC_NULL}
 * and {@code MPI_ROOT} in {@link Comm}; {@code MPI_UNDEFINED} in {@link Group}; thread
 * levels are {@link ThreadLevel#value()}. Readable before {@code MPI_Init}.
 */
public final class MpiConstants {
    /** {@code MPI_IDENT}: the same communicator or group. */
    public static final int IDENT = MpiCalls.MPI_IDENT();
    /** {@code MPI_CONGRUENT}: same members in the same order, another context. */
    public static final int CONGRUENT = MpiCalls.MPI_CONGRUENT();
    /** {@code MPI_SIMILAR}: same members in another order. */
    public static final int SIMILAR = MpiCalls.MPI_SIMILAR();
    /** {@code MPI_UNEQUAL}: different members. */
    public static final int UNEQUAL = MpiCalls.MPI_UNEQUAL();

    /** {@code MPI_GRAPH}: the topology kind of a graph communicator. */
    public static final int GRAPH = MpiCalls.MPI_GRAPH();
    /** {@code MPI_DIST_GRAPH}: the topology kind of a distributed graph communicator. */
    public static final int DIST_GRAPH = MpiCalls.MPI_DIST_GRAPH();
    /** {@code MPI_CART}: the topology kind of a Cartesian communicator. */
    public static final int CART = MpiCalls.MPI_CART();

    /** {@code MPI_TAG_UB}: the key of the attribute holding the largest tag. */
    public static final int TAG_UB = MpiCalls.MPI_TAG_UB();
    /** {@code MPI_HOST}: the key of the attribute holding the host's rank, if any. */
    public static final int HOST = MpiCalls.MPI_HOST();
    /** {@code MPI_IO}: the key of the attribute holding a rank that can do I/O. */
    public static final int IO = MpiCalls.MPI_IO();
    /** {@code MPI_WTIME_IS_GLOBAL}: the key of the attribute telling whether clocks agree. */
    public static final int WTIME_IS_GLOBAL = MpiCalls.MPI_WTIME_IS_GLOBAL();
    /** {@code MPI_APPNUM}: the key of the attribute holding the application number. */
    public static final int APPNUM = MpiCalls.MPI_APPNUM();
    /** {@code MPI_LASTUSEDCODE}: the key of the attribute holding the largest error code. */
    public static final int LASTUSEDCODE = MpiCalls.MPI_LASTUSEDCODE();
    /** {@code MPI_UNIVERSE_SIZE}: the key of the attribute holding the universe size. */
    public static final int UNIVERSE_SIZE = MpiCalls.MPI_UNIVERSE_SIZE();
    /** {@code MPI_WIN_BASE}: the key of a window's base address attribute. */
    public static final int WIN_BASE = MpiCalls.MPI_WIN_BASE();
    /** {@code MPI_WIN_SIZE}: the key of a window's size attribute. */
    public static final int WIN_SIZE = MpiCalls.MPI_WIN_SIZE();
    /** {@code MPI_WIN_DISP_UNIT}: the key of a window's displacement unit attribute. */
    public static final int WIN_DISP_UNIT = MpiCalls.MPI_WIN_DISP_UNIT();
    /** {@code MPI_KEYVAL_INVALID}: the value of no attribute key. */
    public static final int KEYVAL_INVALID = MpiCalls.MPI_KEYVAL_INVALID();

    /** {@code MPI_VERSION}: the major version of the standard the headers describe. */
    public static final int VERSION = MpiCalls.MPI_VERSION();
    /** {@code MPI_SUBVERSION}: the minor version of the standard the headers describe. */
    public static final int SUBVERSION = MpiCalls.MPI_SUBVERSION();

    /** {@code MPI_MAX_OBJECT_NAME}: the longest object name plus one. */
    public static final int MAX_OBJECT_NAME = MpiCalls.MPI_MAX_OBJECT_NAME();
    /** {@code MPI_MAX_PORT_NAME}: the longest port name plus one. */
    public static final int MAX_PORT_NAME = MpiCalls.MPI_MAX_PORT_NAME();
    /** {@code MPI_MAX_DATAREP_STRING}: the longest data representation name plus one. */
    public static final int MAX_DATAREP_STRING = MpiCalls.MPI_MAX_DATAREP_STRING();
    /** {@code MPI_MAX_INFO_KEY}: the longest info key plus one. */
    public static final int MAX_INFO_KEY = MpiCalls.MPI_MAX_INFO_KEY();
    /** {@code MPI_MAX_INFO_VAL}: the longest info value plus one. */
    public static final int MAX_INFO_VAL = MpiCalls.MPI_MAX_INFO_VAL();
    /** {@code MPI_MAX_PROCESSOR_NAME}: the longest processor name plus one. */
    public static final int MAX_PROCESSOR_NAME = MpiCalls.MPI_MAX_PROCESSOR_NAME();
    /** {@code MPI_BSEND_OVERHEAD}: the bytes a buffered send needs beyond its data. */
    public static final int BSEND_OVERHEAD = MpiCalls.MPI_BSEND_OVERHEAD();

    /** {@code MPI_ORDER_C}: row-major arrays (subarray and darray types). */
    public static final int ORDER_C = MpiCalls.MPI_ORDER_C();
    /** {@code MPI_ORDER_FORTRAN}: column-major arrays. */
    public static final int ORDER_FORTRAN = MpiCalls.MPI_ORDER_FORTRAN();
    /** {@code MPI_DISTRIBUTE_BLOCK}: block distribution of a darray dimension. */
    public static final int DISTRIBUTE_BLOCK = MpiCalls.MPI_DISTRIBUTE_BLOCK();
    /** {@code MPI_DISTRIBUTE_CYCLIC}: cyclic distribution of a darray dimension. */
    public static final int DISTRIBUTE_CYCLIC = MpiCalls.MPI_DISTRIBUTE_CYCLIC();
    /** {@code MPI_DISTRIBUTE_NONE}: an undistributed darray dimension. */
    public static final int DISTRIBUTE_NONE = MpiCalls.MPI_DISTRIBUTE_NONE();
    /** {@code MPI_DISTRIBUTE_DFLT_DARG}: the default distribution argument. */
    public static final int DISTRIBUTE_DFLT_DARG = MpiCalls.MPI_DISTRIBUTE_DFLT_DARG();

    /** {@code MPI_MODE_CREATE}: create the file if it does not exist. */
    public static final int MODE_CREATE = MpiCalls.MPI_MODE_CREATE();
    /** {@code MPI_MODE_RDONLY}: open for reading only. */
    public static final int MODE_RDONLY = MpiCalls.MPI_MODE_RDONLY();
    /** {@code MPI_MODE_WRONLY}: open for writing only. */
    public static final int MODE_WRONLY = MpiCalls.MPI_MODE_WRONLY();
    /** {@code MPI_MODE_RDWR}: open for reading and writing. */
    public static final int MODE_RDWR = MpiCalls.MPI_MODE_RDWR();
    /** {@code MPI_MODE_DELETE_ON_CLOSE}: delete the file when it is closed. */
    public static final int MODE_DELETE_ON_CLOSE = MpiCalls.MPI_MODE_DELETE_ON_CLOSE();
    /** {@code MPI_MODE_UNIQUE_OPEN}: the file is opened nowhere else. */
    public static final int MODE_UNIQUE_OPEN = MpiCalls.MPI_MODE_UNIQUE_OPEN();
    /** {@code MPI_MODE_EXCL}: fail if the file exists and is being created. */
    public static final int MODE_EXCL = MpiCalls.MPI_MODE_EXCL();
    /** {@code MPI_MODE_APPEND}: start the file pointers at the end of the file. */
    public static final int MODE_APPEND = MpiCalls.MPI_MODE_APPEND();
    /** {@code MPI_MODE_SEQUENTIAL}: the file is accessed sequentially only. */
    public static final int MODE_SEQUENTIAL = MpiCalls.MPI_MODE_SEQUENTIAL();
    /** {@code MPI_DISPLACEMENT_CURRENT}: the view's displacement is the shared pointer. */
    public static final int DISPLACEMENT_CURRENT = MpiCalls.MPI_DISPLACEMENT_CURRENT();
    /** {@code MPI_SEEK_SET}: seek to the given offset. */
    public static final int SEEK_SET = MpiCalls.MPI_SEEK_SET();
    /** {@code MPI_SEEK_CUR}: seek relative to the current position. */
    public static final int SEEK_CUR = MpiCalls.MPI_SEEK_CUR();
    /** {@code MPI_SEEK_END}: seek relative to the end of the file. */
    public static final int SEEK_END = MpiCalls.MPI_SEEK_END();

    /** {@code MPI_MODE_NOCHECK}: window assertion, no conflicting lock or post is pending. */
    public static final int MODE_NOCHECK = MpiCalls.MPI_MODE_NOCHECK();
    /** {@code MPI_MODE_NOPRECEDE}: window assertion, no RMA call completes at this fence. */
    public static final int MODE_NOPRECEDE = MpiCalls.MPI_MODE_NOPRECEDE();
    /** {@code MPI_MODE_NOPUT}: window assertion, no put or accumulate targets the window. */
    public static final int MODE_NOPUT = MpiCalls.MPI_MODE_NOPUT();
    /** {@code MPI_MODE_NOSTORE}: window assertion, no local store changed the window. */
    public static final int MODE_NOSTORE = MpiCalls.MPI_MODE_NOSTORE();
    /** {@code MPI_MODE_NOSUCCEED}: window assertion, no RMA call follows this fence. */
    public static final int MODE_NOSUCCEED = MpiCalls.MPI_MODE_NOSUCCEED();
    /** {@code MPI_LOCK_EXCLUSIVE}: an exclusive window lock. */
    public static final int LOCK_EXCLUSIVE = MpiCalls.MPI_LOCK_EXCLUSIVE();
    /** {@code MPI_LOCK_SHARED}: a shared window lock. */
    public static final int LOCK_SHARED = MpiCalls.MPI_LOCK_SHARED();

    private MpiConstants() {
    }
}
