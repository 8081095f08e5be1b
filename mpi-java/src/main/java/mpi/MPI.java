package mpi;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

import org.jmpi.ErrorCodes;
import org.jmpi.MpiConstants;
import org.jmpi.ThreadLevel;

/**
 * The MPI environment: initialisation and finalisation, the predefined communicators,
 * datatypes, operations, error handlers and constants. Every integer constant has the
 * value the MPI library running underneath (Open MPI or MPICH) gives it, so none is a
 * compile-time constant.
 *
 * <pre>{@code
 * MPI.Init(args);
 * int rank = MPI.COMM_WORLD.getRank();
 * MPI.Finalize();
 * }</pre>
 */
public final class MPI {
    /** The communicator of every process of the job ({@code MPI_COMM_WORLD}). */
    public static final Intracomm COMM_WORLD = Intracomm.predefined(Comm.WORLD);
    /** The communicator of this process alone ({@code MPI_COMM_SELF}). */
    public static final Intracomm COMM_SELF = Intracomm.predefined(Comm.SELF);

    /** {@code MPI_THREAD_SINGLE}: one thread. */ public static final int THREAD_SINGLE = ThreadLevel.SINGLE.value();
    /** {@code MPI_THREAD_FUNNELED}: only the main thread calls MPI. */ public static final int THREAD_FUNNELED = ThreadLevel.FUNNELED.value();
    /** {@code MPI_THREAD_SERIALIZED}: one thread at a time. */ public static final int THREAD_SERIALIZED = ThreadLevel.SERIALIZED.value();
    /** {@code MPI_THREAD_MULTIPLE}: any thread at any time. */ public static final int THREAD_MULTIPLE = ThreadLevel.MULTIPLE.value();
    /** {@code MPI_GRAPH}: graph topology. */ public static final int GRAPH = MpiConstants.GRAPH;
    /** {@code MPI_DIST_GRAPH}: distributed graph topology. */ public static final int DIST_GRAPH = MpiConstants.DIST_GRAPH;
    /** {@code MPI_CART}: Cartesian topology. */ public static final int CART = MpiConstants.CART;
    /** {@code MPI_ANY_SOURCE}: receive from any sender. */ public static final int ANY_SOURCE = org.jmpi.Comm.ANY_SOURCE;
    /** {@code MPI_ANY_TAG}: receive with any tag. */ public static final int ANY_TAG = org.jmpi.Comm.ANY_TAG;

    /** {@code MPI_MAX}. */ public static final Op MAX = new Op(Op.MAX_CODE);
    /** {@code MPI_MIN}. */ public static final Op MIN = new Op(Op.MIN_CODE);
    /** {@code MPI_SUM}. */ public static final Op SUM = new Op(Op.SUM_CODE);
    /** {@code MPI_PROD}. */ public static final Op PROD = new Op(Op.PROD_CODE);
    /** {@code MPI_LAND}: logical and. */ public static final Op LAND = new Op(Op.LAND_CODE);
    /** {@code MPI_BAND}: bitwise and. */ public static final Op BAND = new Op(Op.BAND_CODE);
    /** {@code MPI_LOR}: logical or. */ public static final Op LOR = new Op(Op.LOR_CODE);
    /** {@code MPI_BOR}: bitwise or. */ public static final Op BOR = new Op(Op.BOR_CODE);
    /** {@code MPI_LXOR}: logical exclusive or. */ public static final Op LXOR = new Op(Op.LXOR_CODE);
    /** {@code MPI_BXOR}: bitwise exclusive or. */ public static final Op BXOR = new Op(Op.BXOR_CODE);
    /** {@code MPI_REPLACE}: the origin's value replaces the target's. */ public static final Op REPLACE = new Op(Op.REPLACE_CODE);
    /** {@code MPI_NO_OP}: the target keeps its value. */ public static final Op NO_OP = new Op(Op.NO_OP_CODE);
    /** {@code MPI_MINLOC}: the minimum and its index, over the pair types. */ public static final Op MINLOC = new Op(Op.MINLOC_CODE);
    /** {@code MPI_MAXLOC}: the maximum and its index, over the pair types. */ public static final Op MAXLOC = new Op(Op.MAXLOC_CODE);

    /** {@code MPI_DATATYPE_NULL}. */ public static final Datatype DATATYPE_NULL = Datatype.basic(Datatype.NULL);
    /** Java {@code byte}. */ public static final Datatype BYTE = Datatype.basic(Datatype.BYTE);
    /** Java {@code char}, 16 bits. */ public static final Datatype CHAR = Datatype.basic(Datatype.CHAR);
    /** Java {@code short}. */ public static final Datatype SHORT = Datatype.basic(Datatype.SHORT);
    /** Java {@code boolean}, one byte. */ public static final Datatype BOOLEAN = Datatype.basic(Datatype.BOOLEAN);
    /** Java {@code int}. */ public static final Datatype INT = Datatype.basic(Datatype.INT);
    /** Java {@code long}, 64 bits. */ public static final Datatype LONG = Datatype.basic(Datatype.LONG);
    /** Java {@code float}. */ public static final Datatype FLOAT = Datatype.basic(Datatype.FLOAT);
    /** Java {@code double}. */ public static final Datatype DOUBLE = Datatype.basic(Datatype.DOUBLE);
    /** {@code MPI_PACKED}: bytes made by {@code pack}. */ public static final Datatype PACKED = Datatype.basic(Datatype.PACKED);
    /** Two floats, real and imaginary part (base type FLOAT). */ public static final Datatype FLOAT_COMPLEX = Datatype.basic(Datatype.FLOAT_COMPLEX);
    /** Two doubles, real and imaginary part (base type DOUBLE). */ public static final Datatype DOUBLE_COMPLEX = Datatype.basic(Datatype.DOUBLE_COMPLEX);
    /** {@code MPI_2INT}: value and index for MINLOC/MAXLOC (base type BYTE). */ public static final Datatype INT2 = Datatype.basic(Datatype.INT2);
    /** {@code MPI_SHORT_INT} (base type BYTE). */ public static final Datatype SHORT_INT = Datatype.basic(Datatype.SHORT_INT);
    /** {@code MPI_LONG_INT} (base type BYTE). */ public static final Datatype LONG_INT = Datatype.basic(Datatype.LONG_INT);
    /** {@code MPI_FLOAT_INT} (base type BYTE). */ public static final Datatype FLOAT_INT = Datatype.basic(Datatype.FLOAT_INT);
    /** {@code MPI_DOUBLE_INT} (base type BYTE). */ public static final Datatype DOUBLE_INT = Datatype.basic(Datatype.DOUBLE_INT);

    /** Accessors of {@link #INT2} elements in a byte buffer. */ public static final Int2 int2 = PairTypes.int2();
    /** Accessors of {@link #SHORT_INT} elements in a byte buffer. */ public static final ShortInt shortInt = PairTypes.shortInt();
    /** Accessors of {@link #LONG_INT} elements in a byte buffer. */ public static final LongInt longInt = PairTypes.longInt();
    /** Accessors of {@link #FLOAT_INT} elements in a byte buffer. */ public static final FloatInt floatInt = PairTypes.floatInt();
    /** Accessors of {@link #DOUBLE_INT} elements in a byte buffer. */ public static final DoubleInt doubleInt = PairTypes.doubleInt();

    /** {@code MPI_REQUEST_NULL}: a request that is already complete. */ public static final Request REQUEST_NULL = Request.nullRequest();
    /** {@code MPI_GROUP_EMPTY}. */ public static final Group GROUP_EMPTY = Group.empty();
    /** {@code MPI_INFO_ENV}: how the job was started. */ public static final Info INFO_ENV = Info.newEnv();
    /** {@code MPI_INFO_NULL}: no hints. */ public static final Info INFO_NULL = Info.nullInfo();

    /** {@code MPI_PROC_NULL}: a peer that makes sends and receives no-ops. */ public static final int PROC_NULL = org.jmpi.Comm.PROC_NULL;
    /** {@code MPI_UNDEFINED}. */ public static final int UNDEFINED = org.jmpi.Group.UNDEFINED;
    /** {@code MPI_IDENT}. */ public static final int IDENT = MpiConstants.IDENT;
    /** {@code MPI_CONGRUENT}. */ public static final int CONGRUENT = MpiConstants.CONGRUENT;
    /** {@code MPI_SIMILAR}. */ public static final int SIMILAR = MpiConstants.SIMILAR;
    /** {@code MPI_UNEQUAL}. */ public static final int UNEQUAL = MpiConstants.UNEQUAL;
    /** Key of the largest tag attribute ({@code MPI_TAG_UB}). */ public static final int TAG_UB = MpiConstants.TAG_UB;
    /** Key of the host rank attribute ({@code MPI_HOST}). */ public static final int HOST = MpiConstants.HOST;
    /** Key of the I/O rank attribute ({@code MPI_IO}). */ public static final int IO = MpiConstants.IO;
    /** Key of the global clock attribute ({@code MPI_WTIME_IS_GLOBAL}). */ public static final int WTIME_IS_GLOBAL = MpiConstants.WTIME_IS_GLOBAL;
    /** Key of the application number attribute ({@code MPI_APPNUM}). */ public static final int APPNUM = MpiConstants.APPNUM;
    /** Key of the last used error code attribute ({@code MPI_LASTUSEDCODE}). */ public static final int LASTUSEDCODE = MpiConstants.LASTUSEDCODE;
    /** Key of the universe size attribute ({@code MPI_UNIVERSE_SIZE}). */ public static final int UNIVERSE_SIZE = MpiConstants.UNIVERSE_SIZE;
    /** Key of a window's base attribute ({@code MPI_WIN_BASE}). */ public static final int WIN_BASE = MpiConstants.WIN_BASE;
    /** Key of a window's size attribute ({@code MPI_WIN_SIZE}). */ public static final int WIN_SIZE = MpiConstants.WIN_SIZE;
    /** Key of a window's displacement unit attribute ({@code MPI_WIN_DISP_UNIT}). */ public static final int WIN_DISP_UNIT = MpiConstants.WIN_DISP_UNIT;
    /** {@code MPI_VERSION}. */ public static final int VERSION = MpiConstants.VERSION;
    /** {@code MPI_SUBVERSION}. */ public static final int SUBVERSION = MpiConstants.SUBVERSION;
    /** {@code MPI_ROOT}: the root's own root argument in an intercommunicator collective. */ public static final int ROOT = org.jmpi.Comm.ROOT;
    /** {@code MPI_KEYVAL_INVALID}. */ public static final int KEYVAL_INVALID = MpiConstants.KEYVAL_INVALID;
    /** {@code MPI_BSEND_OVERHEAD}: bytes a buffered send needs beyond its data. */ public static final int BSEND_OVERHEAD = MpiConstants.BSEND_OVERHEAD;
    /** {@code MPI_MAX_OBJECT_NAME}. */ public static final int MAX_OBJECT_NAME = MpiConstants.MAX_OBJECT_NAME;
    /** {@code MPI_MAX_PORT_NAME}. */ public static final int MAX_PORT_NAME = MpiConstants.MAX_PORT_NAME;
    /** {@code MPI_MAX_DATAREP_STRING}. */ public static final int MAX_DATAREP_STRING = MpiConstants.MAX_DATAREP_STRING;
    /** {@code MPI_MAX_INFO_KEY}. */ public static final int MAX_INFO_KEY = MpiConstants.MAX_INFO_KEY;
    /** {@code MPI_MAX_INFO_VAL}. */ public static final int MAX_INFO_VAL = MpiConstants.MAX_INFO_VAL;
    /** {@code MPI_ORDER_C}. */ public static final int ORDER_C = MpiConstants.ORDER_C;
    /** {@code MPI_ORDER_FORTRAN}. */ public static final int ORDER_FORTRAN = MpiConstants.ORDER_FORTRAN;
    /** {@code MPI_DISTRIBUTE_BLOCK}. */ public static final int DISTRIBUTE_BLOCK = MpiConstants.DISTRIBUTE_BLOCK;
    /** {@code MPI_DISTRIBUTE_CYCLIC}. */ public static final int DISTRIBUTE_CYCLIC = MpiConstants.DISTRIBUTE_CYCLIC;
    /** {@code MPI_DISTRIBUTE_NONE}. */ public static final int DISTRIBUTE_NONE = MpiConstants.DISTRIBUTE_NONE;
    /** {@code MPI_DISTRIBUTE_DFLT_DARG}. */ public static final int DISTRIBUTE_DFLT_DARG = MpiConstants.DISTRIBUTE_DFLT_DARG;
    /** File mode {@code MPI_MODE_CREATE}. */ public static final int MODE_CREATE = MpiConstants.MODE_CREATE;
    /** File mode {@code MPI_MODE_RDONLY}. */ public static final int MODE_RDONLY = MpiConstants.MODE_RDONLY;
    /** File mode {@code MPI_MODE_WRONLY}. */ public static final int MODE_WRONLY = MpiConstants.MODE_WRONLY;
    /** File mode {@code MPI_MODE_RDWR}. */ public static final int MODE_RDWR = MpiConstants.MODE_RDWR;
    /** File mode {@code MPI_MODE_DELETE_ON_CLOSE}. */ public static final int MODE_DELETE_ON_CLOSE = MpiConstants.MODE_DELETE_ON_CLOSE;
    /** File mode {@code MPI_MODE_UNIQUE_OPEN}. */ public static final int MODE_UNIQUE_OPEN = MpiConstants.MODE_UNIQUE_OPEN;
    /** File mode {@code MPI_MODE_EXCL}. */ public static final int MODE_EXCL = MpiConstants.MODE_EXCL;
    /** File mode {@code MPI_MODE_APPEND}. */ public static final int MODE_APPEND = MpiConstants.MODE_APPEND;
    /** File mode {@code MPI_MODE_SEQUENTIAL}. */ public static final int MODE_SEQUENTIAL = MpiConstants.MODE_SEQUENTIAL;
    /** {@code MPI_DISPLACEMENT_CURRENT}. */ public static final int DISPLACEMENT_CURRENT = MpiConstants.DISPLACEMENT_CURRENT;
    /** {@code MPI_SEEK_SET}. */ public static final int SEEK_SET = MpiConstants.SEEK_SET;
    /** {@code MPI_SEEK_CUR}. */ public static final int SEEK_CUR = MpiConstants.SEEK_CUR;
    /** {@code MPI_SEEK_END}. */ public static final int SEEK_END = MpiConstants.SEEK_END;
    /** Window assertion {@code MPI_MODE_NOCHECK}. */ public static final int MODE_NOCHECK = MpiConstants.MODE_NOCHECK;
    /** Window assertion {@code MPI_MODE_NOPRECEDE}. */ public static final int MODE_NOPRECEDE = MpiConstants.MODE_NOPRECEDE;
    /** Window assertion {@code MPI_MODE_NOPUT}. */ public static final int MODE_NOPUT = MpiConstants.MODE_NOPUT;
    /** Window assertion {@code MPI_MODE_NOSTORE}. */ public static final int MODE_NOSTORE = MpiConstants.MODE_NOSTORE;
    /** Window assertion {@code MPI_MODE_NOSUCCEED}. */ public static final int MODE_NOSUCCEED = MpiConstants.MODE_NOSUCCEED;
    /** {@code MPI_LOCK_EXCLUSIVE}. */ public static final int LOCK_EXCLUSIVE = MpiConstants.LOCK_EXCLUSIVE;
    /** {@code MPI_LOCK_SHARED}. */ public static final int LOCK_SHARED = MpiConstants.LOCK_SHARED;

    /** Errors end the job (the default of every communicator and window). */ public static final Errhandler ERRORS_ARE_FATAL = new Errhandler(Errhandler.FATAL);
    /** Errors abort the processes of the object's group. */ public static final Errhandler ERRORS_ABORT = new Errhandler(Errhandler.ABORT);
    /** Errors are thrown as {@link MPIException}. */ public static final Errhandler ERRORS_RETURN = new Errhandler(Errhandler.RETURN);

    /** {@code MPI_SUCCESS}. */ public static final int SUCCESS = ErrorCodes.SUCCESS;
    /** Error class {@code MPI_ERR_BUFFER}. */ public static final int ERR_BUFFER = ErrorCodes.ERR_BUFFER;
    /** Error class {@code MPI_ERR_COUNT}. */ public static final int ERR_COUNT = ErrorCodes.ERR_COUNT;
    /** Error class {@code MPI_ERR_TYPE}. */ public static final int ERR_TYPE = ErrorCodes.ERR_TYPE;
    /** Error class {@code MPI_ERR_TAG}. */ public static final int ERR_TAG = ErrorCodes.ERR_TAG;
    /** Error class {@code MPI_ERR_COMM}. */ public static final int ERR_COMM = ErrorCodes.ERR_COMM;
    /** Error class {@code MPI_ERR_RANK}. */ public static final int ERR_RANK = ErrorCodes.ERR_RANK;
    /** Error class {@code MPI_ERR_REQUEST}. */ public static final int ERR_REQUEST = ErrorCodes.ERR_REQUEST;
    /** Error class {@code MPI_ERR_ROOT}. */ public static final int ERR_ROOT = ErrorCodes.ERR_ROOT;
    /** Error class {@code MPI_ERR_GROUP}. */ public static final int ERR_GROUP = ErrorCodes.ERR_GROUP;
    /** Error class {@code MPI_ERR_OP}. */ public static final int ERR_OP = ErrorCodes.ERR_OP;
    /** Error class {@code MPI_ERR_TOPOLOGY}. */ public static final int ERR_TOPOLOGY = ErrorCodes.ERR_TOPOLOGY;
    /** Error class {@code MPI_ERR_DIMS}. */ public static final int ERR_DIMS = ErrorCodes.ERR_DIMS;
    /** Error class {@code MPI_ERR_ARG}. */ public static final int ERR_ARG = ErrorCodes.ERR_ARG;
    /** Error class {@code MPI_ERR_UNKNOWN}. */ public static final int ERR_UNKNOWN = ErrorCodes.ERR_UNKNOWN;
    /** Error class {@code MPI_ERR_TRUNCATE}. */ public static final int ERR_TRUNCATE = ErrorCodes.ERR_TRUNCATE;
    /** Error class {@code MPI_ERR_OTHER}. */ public static final int ERR_OTHER = ErrorCodes.ERR_OTHER;
    /** Error class {@code MPI_ERR_INTERN}. */ public static final int ERR_INTERN = ErrorCodes.ERR_INTERN;
    /** Error class {@code MPI_ERR_IN_STATUS}. */ public static final int ERR_IN_STATUS = ErrorCodes.ERR_IN_STATUS;
    /** Error class {@code MPI_ERR_PENDING}. */ public static final int ERR_PENDING = ErrorCodes.ERR_PENDING;
    /** Error class {@code MPI_ERR_ACCESS}. */ public static final int ERR_ACCESS = ErrorCodes.ERR_ACCESS;
    /** Error class {@code MPI_ERR_AMODE}. */ public static final int ERR_AMODE = ErrorCodes.ERR_AMODE;
    /** Error class {@code MPI_ERR_ASSERT}. */ public static final int ERR_ASSERT = ErrorCodes.ERR_ASSERT;
    /** Error class {@code MPI_ERR_BAD_FILE}. */ public static final int ERR_BAD_FILE = ErrorCodes.ERR_BAD_FILE;
    /** Error class {@code MPI_ERR_BASE}. */ public static final int ERR_BASE = ErrorCodes.ERR_BASE;
    /** Error class {@code MPI_ERR_CONVERSION}. */ public static final int ERR_CONVERSION = ErrorCodes.ERR_CONVERSION;
    /** Error class {@code MPI_ERR_DISP}. */ public static final int ERR_DISP = ErrorCodes.ERR_DISP;
    /** Error class {@code MPI_ERR_DUP_DATAREP}. */ public static final int ERR_DUP_DATAREP = ErrorCodes.ERR_DUP_DATAREP;
    /** Error class {@code MPI_ERR_FILE_EXISTS}. */ public static final int ERR_FILE_EXISTS = ErrorCodes.ERR_FILE_EXISTS;
    /** Error class {@code MPI_ERR_FILE_IN_USE}. */ public static final int ERR_FILE_IN_USE = ErrorCodes.ERR_FILE_IN_USE;
    /** Error class {@code MPI_ERR_FILE}. */ public static final int ERR_FILE = ErrorCodes.ERR_FILE;
    /** Error class {@code MPI_ERR_INFO_KEY}. */ public static final int ERR_INFO_KEY = ErrorCodes.ERR_INFO_KEY;
    /** Error class {@code MPI_ERR_INFO_NOKEY}. */ public static final int ERR_INFO_NOKEY = ErrorCodes.ERR_INFO_NOKEY;
    /** Error class {@code MPI_ERR_INFO_VALUE}. */ public static final int ERR_INFO_VALUE = ErrorCodes.ERR_INFO_VALUE;
    /** Error class {@code MPI_ERR_INFO}. */ public static final int ERR_INFO = ErrorCodes.ERR_INFO;
    /** Error class {@code MPI_ERR_IO}. */ public static final int ERR_IO = ErrorCodes.ERR_IO;
    /** Error class {@code MPI_ERR_KEYVAL}. */ public static final int ERR_KEYVAL = ErrorCodes.ERR_KEYVAL;
    /** Error class {@code MPI_ERR_LOCKTYPE}. */ public static final int ERR_LOCKTYPE = ErrorCodes.ERR_LOCKTYPE;
    /** Error class {@code MPI_ERR_NAME}. */ public static final int ERR_NAME = ErrorCodes.ERR_NAME;
    /** Error class {@code MPI_ERR_NO_MEM}. */ public static final int ERR_NO_MEM = ErrorCodes.ERR_NO_MEM;
    /** Error class {@code MPI_ERR_NOT_SAME}. */ public static final int ERR_NOT_SAME = ErrorCodes.ERR_NOT_SAME;
    /** Error class {@code MPI_ERR_NO_SPACE}. */ public static final int ERR_NO_SPACE = ErrorCodes.ERR_NO_SPACE;
    /** Error class {@code MPI_ERR_NO_SUCH_FILE}. */ public static final int ERR_NO_SUCH_FILE = ErrorCodes.ERR_NO_SUCH_FILE;
    /** Error class {@code MPI_ERR_PORT}. */ public static final int ERR_PORT = ErrorCodes.ERR_PORT;
    /** Error class {@code MPI_ERR_PROC_ABORTED} (MPI 4; on Open MPI 4.1, which lacks it, Open MPI 5's value). */ public static final int ERR_PROC_ABORTED = Failure.PROC_ABORTED;
    /** Error class {@code MPI_ERR_QUOTA}. */ public static final int ERR_QUOTA = ErrorCodes.ERR_QUOTA;
    /** Error class {@code MPI_ERR_READ_ONLY}. */ public static final int ERR_READ_ONLY = ErrorCodes.ERR_READ_ONLY;
    /** Error class {@code MPI_ERR_RMA_CONFLICT}. */ public static final int ERR_RMA_CONFLICT = ErrorCodes.ERR_RMA_CONFLICT;
    /** Error class {@code MPI_ERR_RMA_SYNC}. */ public static final int ERR_RMA_SYNC = ErrorCodes.ERR_RMA_SYNC;
    /** Error class {@code MPI_ERR_SERVICE}. */ public static final int ERR_SERVICE = ErrorCodes.ERR_SERVICE;
    /** Error class {@code MPI_ERR_SIZE}. */ public static final int ERR_SIZE = ErrorCodes.ERR_SIZE;
    /** Error class {@code MPI_ERR_SPAWN}. */ public static final int ERR_SPAWN = ErrorCodes.ERR_SPAWN;
    /** Error class {@code MPI_ERR_UNSUPPORTED_DATAREP}. */ public static final int ERR_UNSUPPORTED_DATAREP = ErrorCodes.ERR_UNSUPPORTED_DATAREP;
    /** Error class {@code MPI_ERR_UNSUPPORTED_OPERATION}. */ public static final int ERR_UNSUPPORTED_OPERATION = ErrorCodes.ERR_UNSUPPORTED_OPERATION;
    /** Error class {@code MPI_ERR_WIN}. */ public static final int ERR_WIN = ErrorCodes.ERR_WIN;
    /** {@code MPI_ERR_LASTCODE}: the last predefined error code. */ public static final int ERR_LASTCODE = ErrorCodes.ERR_LASTCODE;
    /** Open MPI's {@code MPI_ERR_SYSRESOURCE} (-2), an error class no MPI call here reports. */ public static final int ERR_SYSRESOURCE = Failure.SYSRESOURCE;

    /** Not to be instantiated for any purpose: every member is static. */
    public MPI() {
    }

    /**
     * Initialises MPI ({@code MPI_Init}) and returns the command-line arguments, which MPI
     * leaves as they are.
     *
     * @param args the program's arguments
     * @return the arguments
     * @throws MPIException if MPI is already initialised or cannot start
     */
    public static String[] Init(String[] args) throws MPIException {
        Lifecycle.init(THREAD_SINGLE);
        return args == null ? new String[0] : args.clone();
    }

    /**
     * Initialises MPI asking for a thread level ({@code MPI_Init_thread}).
     *
     * @param args     the program's arguments
     * @param required one of the {@code THREAD_*} levels
     * @return the level MPI provides
     * @throws MPIException if MPI is already initialised or cannot start
     */
    public static int InitThread(String[] args, int required) throws MPIException {
        return Lifecycle.init(required);
    }

    /**
     * The thread level MPI provides ({@code MPI_Query_thread}).
     *
     * @throws MPIException if MPI does not run
     */
    public static int queryThread() throws MPIException {
        return Lifecycle.queryThread();
    }

    /**
     * Whether this thread initialised MPI ({@code MPI_Is_thread_main}).
     *
     * @throws MPIException if MPI does not run
     */
    public static boolean isThreadMain() throws MPIException {
        return Lifecycle.isThreadMain();
    }

    /**
     * Finalises MPI ({@code MPI_Finalize}); no MPI call is allowed afterwards.
     *
     * @throws MPIException if MPI does not run
     */
    public static void Finalize() throws MPIException {
        Lifecycle.finish();
        DirectSegments.forget();
    }

    /**
     * Seconds since an arbitrary time in the past ({@code MPI_Wtime}).
     *
     * @throws MPIException if MPI does not run
     */
    public static double wtime() throws MPIException {
        check();
        return org.jmpi.Mpi.wtime();
    }

    /**
     * The resolution of {@link #wtime()} in seconds ({@code MPI_Wtick}).
     *
     * @throws MPIException if MPI does not run
     */
    public static double wtick() throws MPIException {
        check();
        return org.jmpi.Mpi.wtick();
    }

    /**
     * The version of the MPI standard the library implements ({@code MPI_Get_version}).
     *
     * @return the version
     */
    public static Version getVersion() {
        int[] v = org.jmpi.Mpi.version();
        return new Version(v[0], v[1]);
    }

    /**
     * The library's version text ({@code MPI_Get_library_version}).
     *
     * @return the text
     */
    public static String getLibVersion() {
        return org.jmpi.Mpi.libraryVersion();
    }

    /**
     * The name of this processor ({@code MPI_Get_processor_name}).
     *
     * @throws MPIException if MPI does not run
     */
    public static String getProcessorName() throws MPIException {
        return Lifecycle.processorName();
    }

    /**
     * Whether MPI has been initialised ({@code MPI_Initialized}).
     *
     * @throws MPIException never in practice
     */
    public static boolean isInitialized() throws MPIException {
        return org.jmpi.Mpi.isInitialized();
    }

    /**
     * Whether MPI has been finalised ({@code MPI_Finalized}).
     *
     * @throws MPIException never in practice
     */
    public static boolean isFinalized() throws MPIException {
        return org.jmpi.Mpi.isFinalized();
    }

    /**
     * Attaches a buffer for buffered sends ({@code MPI_Buffer_attach}); its length is the
     * space MPI may use (size it with {@link Comm#packSize} plus {@link #BSEND_OVERHEAD}).
     *
     * @param buffer the buffer, kept until {@link #detachBuffer()}
     * @throws MPIException if a buffer is attached already or MPI does not run
     */
    public static void attachBuffer(byte[] buffer) throws MPIException {
        Lifecycle.attachBuffer(buffer);
    }

    /**
     * Detaches the buffered-send buffer ({@code MPI_Buffer_detach}) once every buffered
     * message has left it.
     *
     * @return the buffer given to {@link #attachBuffer}
     * @throws MPIException if none is attached or MPI does not run
     */
    public static byte[] detachBuffer() throws MPIException {
        return Lifecycle.detachBuffer();
    }

    /**
     * Profiling control ({@code MPI_Pcontrol}); no profiler is attached, so it does nothing.
     *
     * @param level profiling level
     * @param obj   profiler-specific data
     */
    public static void pControl(int level, Object obj) {
        // Nothing listens: MPI_Pcontrol itself does nothing without a profiling library.
    }

    /**
     * Refuses a call unless MPI is initialised and not finalised.
     *
     * @throws MPIException otherwise
     */
    protected static void check() throws MPIException {
        Lifecycle.check();
    }

    /** The serialised form of an attribute value. */
    protected static byte[] attrSet(Object value) throws MPIException {
        return Attributes.serialize(value);
    }

    /** An attribute value from its serialised form. */
    protected static Object attrGet(byte[] value) throws MPIException {
        return Attributes.deserialize(value);
    }

    /** A direct byte buffer in native byte order. */
    public static ByteBuffer newByteBuffer(int capacity) {
        return Buffers.newBytes(capacity, 1);
    }

    /** A direct char buffer in native byte order. */
    public static CharBuffer newCharBuffer(int capacity) {
        return Buffers.newBytes(capacity, 2).asCharBuffer();
    }

    /** A direct short buffer in native byte order. */
    public static ShortBuffer newShortBuffer(int capacity) {
        return Buffers.newBytes(capacity, 2).asShortBuffer();
    }

    /** A direct int buffer in native byte order. */
    public static IntBuffer newIntBuffer(int capacity) {
        return Buffers.newBytes(capacity, 4).asIntBuffer();
    }

    /** A direct long buffer in native byte order. */
    public static LongBuffer newLongBuffer(int capacity) {
        return Buffers.newBytes(capacity, 8).asLongBuffer();
    }

    /** A direct float buffer in native byte order. */
    public static FloatBuffer newFloatBuffer(int capacity) {
        return Buffers.newBytes(capacity, 4).asFloatBuffer();
    }

    /** A direct double buffer in native byte order. */
    public static DoubleBuffer newDoubleBuffer(int capacity) {
        return Buffers.newBytes(capacity, 8).asDoubleBuffer();
    }

    /** Refuses a buffer that is not direct. */
    protected static void assertDirectBuffer(java.nio.Buffer buf) {
        Buffers.requireDirect(buf, "buffer");
    }

    /** Refuses a send or receive buffer that is not direct. */
    protected static void assertDirectBuffer(java.nio.Buffer sendbuf, java.nio.Buffer recvbuf) {
        Buffers.requireDirect(sendbuf, "send buffer");
        Buffers.requireDirect(recvbuf, "receive buffer");
    }

    /** Whether {@code obj} is a direct buffer. */
    protected static boolean isDirectBuffer(Object obj) {
        return obj instanceof java.nio.Buffer b && b.isDirect();
    }

    /** Whether {@code obj} is a heap buffer. */
    protected static boolean isHeapBuffer(Object obj) {
        return obj instanceof java.nio.Buffer b && !b.isDirect();
    }

    /** The part of a buffer from element {@code offset} to its capacity, in native byte order. */
    public static ByteBuffer slice(ByteBuffer buf, int offset) {
        return buf.duplicate().clear().position(offset).slice().order(java.nio.ByteOrder.nativeOrder());
    }

    /** The part of a buffer from element {@code offset} to its capacity. */
    public static CharBuffer slice(CharBuffer buf, int offset) {
        return buf.duplicate().clear().position(offset).slice();
    }

    /** The part of a buffer from element {@code offset} to its capacity. */
    public static ShortBuffer slice(ShortBuffer buf, int offset) {
        return buf.duplicate().clear().position(offset).slice();
    }

    /** The part of a buffer from element {@code offset} to its capacity. */
    public static IntBuffer slice(IntBuffer buf, int offset) {
        return buf.duplicate().clear().position(offset).slice();
    }

    /** The part of a buffer from element {@code offset} to its capacity. */
    public static LongBuffer slice(LongBuffer buf, int offset) {
        return buf.duplicate().clear().position(offset).slice();
    }

    /** The part of a buffer from element {@code offset} to its capacity. */
    public static FloatBuffer slice(FloatBuffer buf, int offset) {
        return buf.duplicate().clear().position(offset).slice();
    }

    /** The part of a buffer from element {@code offset} to its capacity. */
    public static DoubleBuffer slice(DoubleBuffer buf, int offset) {
        return buf.duplicate().clear().position(offset).slice();
    }

    /** A buffer over an array from element {@code offset} on, sharing the array. */
    public static ByteBuffer slice(byte[] buf, int offset) {
        return ByteBuffer.wrap(buf, offset, buf.length - offset).slice().order(java.nio.ByteOrder.nativeOrder());
    }

    /** A buffer over an array from element {@code offset} on, sharing the array. */
    public static CharBuffer slice(char[] buf, int offset) {
        return CharBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /** A buffer over an array from element {@code offset} on, sharing the array. */
    public static ShortBuffer slice(short[] buf, int offset) {
        return ShortBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /** A buffer over an array from element {@code offset} on, sharing the array. */
    public static IntBuffer slice(int[] buf, int offset) {
        return IntBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /** A buffer over an array from element {@code offset} on, sharing the array. */
    public static LongBuffer slice(long[] buf, int offset) {
        return LongBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /** A buffer over an array from element {@code offset} on, sharing the array. */
    public static FloatBuffer slice(float[] buf, int offset) {
        return FloatBuffer.wrap(buf, offset, buf.length - offset).slice();
    }

    /** A buffer over an array from element {@code offset} on, sharing the array. */
    public static DoubleBuffer slice(double[] buf, int offset) {
        return DoubleBuffer.wrap(buf, offset, buf.length - offset).slice();
    }
}
