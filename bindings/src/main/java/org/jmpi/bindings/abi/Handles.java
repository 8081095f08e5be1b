package org.jmpi.bindings.abi;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.mpich.mpich_h;
import org.jmpi.bindings.ompi.OmpiHandles;

/**
 * MPI's predefined handles for the MPI of this process ({@link Abi#KIND}): on Open MPI the
 * addresses of library objects ({@link OmpiHandles}), on MPICH the integer constants of its
 * {@code mpi.h}. Each is a {@code MemorySegment} whose address is the handle's value.
 */
public final class Handles {
    private static final boolean OMPI = Abi.KIND == MpiKind.OPEN_MPI;

    private Handles() {
    }

    /** {@code MPI_COMM_WORLD}. */
    public static final MemorySegment COMM_WORLD = OMPI ? OmpiHandles.COMM_WORLD : Abi.handle(mpich_h.MPI_COMM_WORLD());
    /** {@code MPI_COMM_SELF}. */
    public static final MemorySegment COMM_SELF = OMPI ? OmpiHandles.COMM_SELF : Abi.handle(mpich_h.MPI_COMM_SELF());
    /** {@code MPI_COMM_NULL}. */
    public static final MemorySegment COMM_NULL = OMPI ? OmpiHandles.COMM_NULL : Abi.handle(mpich_h.MPI_COMM_NULL());
    /** {@code MPI_GROUP_EMPTY}. */
    public static final MemorySegment GROUP_EMPTY = OMPI ? OmpiHandles.GROUP_EMPTY : Abi.handle(mpich_h.MPI_GROUP_EMPTY());
    /** {@code MPI_GROUP_NULL}. */
    public static final MemorySegment GROUP_NULL = OMPI ? OmpiHandles.GROUP_NULL : Abi.handle(mpich_h.MPI_GROUP_NULL());
    /** {@code MPI_ERRORS_RETURN}. */
    public static final MemorySegment ERRORS_RETURN = OMPI ? OmpiHandles.ERRORS_RETURN : Abi.handle(mpich_h.MPI_ERRORS_RETURN());
    /** {@code MPI_ERRORS_ARE_FATAL}. */
    public static final MemorySegment ERRORS_ARE_FATAL = OMPI ? OmpiHandles.ERRORS_ARE_FATAL : Abi.handle(mpich_h.MPI_ERRORS_ARE_FATAL());
    /** {@code MPI_ERRHANDLER_NULL}. */
    public static final MemorySegment ERRHANDLER_NULL = OMPI ? OmpiHandles.ERRHANDLER_NULL : Abi.handle(mpich_h.MPI_ERRHANDLER_NULL());
    /** {@code MPI_INFO_NULL}. */
    public static final MemorySegment INFO_NULL = OMPI ? OmpiHandles.INFO_NULL : Abi.handle(mpich_h.MPI_INFO_NULL());
    /** {@code MPI_INFO_ENV}. */
    public static final MemorySegment INFO_ENV = OMPI ? OmpiHandles.INFO_ENV : Abi.handle(mpich_h.MPI_INFO_ENV());
    /** {@code MPI_WIN_NULL}. */
    public static final MemorySegment WIN_NULL = OMPI ? OmpiHandles.WIN_NULL : Abi.handle(mpich_h.MPI_WIN_NULL());
    /** {@code MPI_FILE_NULL}. */
    public static final MemorySegment FILE_NULL = OMPI ? OmpiHandles.FILE_NULL : MemorySegment.NULL;
    /** {@code MPI_DATATYPE_NULL}. */
    public static final MemorySegment DATATYPE_NULL = OMPI ? OmpiHandles.DATATYPE_NULL : Abi.handle(mpich_h.MPI_DATATYPE_NULL());
    /** {@code MPI_OP_NULL}. */
    public static final MemorySegment OP_NULL = OMPI ? OmpiHandles.OP_NULL : Abi.handle(mpich_h.MPI_OP_NULL());
    /** {@code MPI_REQUEST_NULL}. */
    public static final MemorySegment REQUEST_NULL = OMPI ? OmpiHandles.REQUEST_NULL : Abi.handle(mpich_h.MPI_REQUEST_NULL());
    /** {@code MPI_MESSAGE_NULL}. */
    public static final MemorySegment MESSAGE_NULL = OMPI ? OmpiHandles.MESSAGE_NULL : Abi.handle(mpich_h.MPI_MESSAGE_NULL());
    /** {@code MPI_MESSAGE_NO_PROC}. */
    public static final MemorySegment MESSAGE_NO_PROC = OMPI ? OmpiHandles.MESSAGE_NO_PROC : Abi.handle(mpich_h.MPI_MESSAGE_NO_PROC());
    /** {@code MPI_CHAR}. */
    public static final MemorySegment CHAR = OMPI ? OmpiHandles.CHAR : Abi.handle(mpich_h.MPI_CHAR());
    /** {@code MPI_SIGNED_CHAR}. */
    public static final MemorySegment SIGNED_CHAR = OMPI ? OmpiHandles.SIGNED_CHAR : Abi.handle(mpich_h.MPI_SIGNED_CHAR());
    /** {@code MPI_UNSIGNED_CHAR}. */
    public static final MemorySegment UNSIGNED_CHAR = OMPI ? OmpiHandles.UNSIGNED_CHAR : Abi.handle(mpich_h.MPI_UNSIGNED_CHAR());
    /** {@code MPI_BYTE}. */
    public static final MemorySegment BYTE = OMPI ? OmpiHandles.BYTE : Abi.handle(mpich_h.MPI_BYTE());
    /** {@code MPI_SHORT}. */
    public static final MemorySegment SHORT = OMPI ? OmpiHandles.SHORT : Abi.handle(mpich_h.MPI_SHORT());
    /** {@code MPI_UNSIGNED_SHORT}. */
    public static final MemorySegment UNSIGNED_SHORT = OMPI ? OmpiHandles.UNSIGNED_SHORT : Abi.handle(mpich_h.MPI_UNSIGNED_SHORT());
    /** {@code MPI_INT}. */
    public static final MemorySegment INT = OMPI ? OmpiHandles.INT : Abi.handle(mpich_h.MPI_INT());
    /** {@code MPI_UNSIGNED}. */
    public static final MemorySegment UNSIGNED = OMPI ? OmpiHandles.UNSIGNED : Abi.handle(mpich_h.MPI_UNSIGNED());
    /** {@code MPI_LONG}. */
    public static final MemorySegment LONG = OMPI ? OmpiHandles.LONG : Abi.handle(mpich_h.MPI_LONG());
    /** {@code MPI_UNSIGNED_LONG}. */
    public static final MemorySegment UNSIGNED_LONG = OMPI ? OmpiHandles.UNSIGNED_LONG : Abi.handle(mpich_h.MPI_UNSIGNED_LONG());
    /** {@code MPI_LONG_LONG_INT}. */
    public static final MemorySegment LONG_LONG_INT = OMPI ? OmpiHandles.LONG_LONG_INT : Abi.handle(mpich_h.MPI_LONG_LONG_INT());
    /** {@code MPI_UNSIGNED_LONG_LONG}. */
    public static final MemorySegment UNSIGNED_LONG_LONG = OMPI ? OmpiHandles.UNSIGNED_LONG_LONG : Abi.handle(mpich_h.MPI_UNSIGNED_LONG_LONG());
    /** {@code MPI_FLOAT}. */
    public static final MemorySegment FLOAT = OMPI ? OmpiHandles.FLOAT : Abi.handle(mpich_h.MPI_FLOAT());
    /** {@code MPI_DOUBLE}. */
    public static final MemorySegment DOUBLE = OMPI ? OmpiHandles.DOUBLE : Abi.handle(mpich_h.MPI_DOUBLE());
    /** {@code MPI_LONG_DOUBLE}. */
    public static final MemorySegment LONG_DOUBLE = OMPI ? OmpiHandles.LONG_DOUBLE : Abi.handle(mpich_h.MPI_LONG_DOUBLE());
    /** {@code MPI_WCHAR}. */
    public static final MemorySegment WCHAR = OMPI ? OmpiHandles.WCHAR : Abi.handle(mpich_h.MPI_WCHAR());
    /** {@code MPI_C_BOOL}. */
    public static final MemorySegment C_BOOL = OMPI ? OmpiHandles.C_BOOL : Abi.handle(mpich_h.MPI_C_BOOL());
    /** {@code MPI_INT8_T}. */
    public static final MemorySegment INT8_T = OMPI ? OmpiHandles.INT8_T : Abi.handle(mpich_h.MPI_INT8_T());
    /** {@code MPI_INT16_T}. */
    public static final MemorySegment INT16_T = OMPI ? OmpiHandles.INT16_T : Abi.handle(mpich_h.MPI_INT16_T());
    /** {@code MPI_INT32_T}. */
    public static final MemorySegment INT32_T = OMPI ? OmpiHandles.INT32_T : Abi.handle(mpich_h.MPI_INT32_T());
    /** {@code MPI_INT64_T}. */
    public static final MemorySegment INT64_T = OMPI ? OmpiHandles.INT64_T : Abi.handle(mpich_h.MPI_INT64_T());
    /** {@code MPI_UINT8_T}. */
    public static final MemorySegment UINT8_T = OMPI ? OmpiHandles.UINT8_T : Abi.handle(mpich_h.MPI_UINT8_T());
    /** {@code MPI_UINT16_T}. */
    public static final MemorySegment UINT16_T = OMPI ? OmpiHandles.UINT16_T : Abi.handle(mpich_h.MPI_UINT16_T());
    /** {@code MPI_UINT32_T}. */
    public static final MemorySegment UINT32_T = OMPI ? OmpiHandles.UINT32_T : Abi.handle(mpich_h.MPI_UINT32_T());
    /** {@code MPI_UINT64_T}. */
    public static final MemorySegment UINT64_T = OMPI ? OmpiHandles.UINT64_T : Abi.handle(mpich_h.MPI_UINT64_T());
    /** {@code MPI_AINT}. */
    public static final MemorySegment AINT = OMPI ? OmpiHandles.AINT : Abi.handle(mpich_h.MPI_AINT());
    /** {@code MPI_COUNT}. */
    public static final MemorySegment COUNT = OMPI ? OmpiHandles.COUNT : Abi.handle(mpich_h.MPI_COUNT());
    /** {@code MPI_OFFSET}. */
    public static final MemorySegment OFFSET = OMPI ? OmpiHandles.OFFSET : Abi.handle(mpich_h.MPI_OFFSET());
    /** {@code MPI_C_FLOAT_COMPLEX}. */
    public static final MemorySegment C_FLOAT_COMPLEX = OMPI ? OmpiHandles.C_FLOAT_COMPLEX : Abi.handle(mpich_h.MPI_C_FLOAT_COMPLEX());
    /** {@code MPI_C_DOUBLE_COMPLEX}. */
    public static final MemorySegment C_DOUBLE_COMPLEX = OMPI ? OmpiHandles.C_DOUBLE_COMPLEX : Abi.handle(mpich_h.MPI_C_DOUBLE_COMPLEX());
    /** {@code MPI_C_LONG_DOUBLE_COMPLEX}. */
    public static final MemorySegment C_LONG_DOUBLE_COMPLEX = OMPI ? OmpiHandles.C_LONG_DOUBLE_COMPLEX : Abi.handle(mpich_h.MPI_C_LONG_DOUBLE_COMPLEX());
    /** {@code MPI_PACKED}. */
    public static final MemorySegment PACKED = OMPI ? OmpiHandles.PACKED : Abi.handle(mpich_h.MPI_PACKED());
    /** {@code MPI_FLOAT_INT}. */
    public static final MemorySegment FLOAT_INT = OMPI ? OmpiHandles.FLOAT_INT : Abi.handle(mpich_h.MPI_FLOAT_INT());
    /** {@code MPI_DOUBLE_INT}. */
    public static final MemorySegment DOUBLE_INT = OMPI ? OmpiHandles.DOUBLE_INT : Abi.handle(mpich_h.MPI_DOUBLE_INT());
    /** {@code MPI_LONG_INT}. */
    public static final MemorySegment LONG_INT = OMPI ? OmpiHandles.LONG_INT : Abi.handle(mpich_h.MPI_LONG_INT());
    /** {@code MPI_2INT}. */
    public static final MemorySegment INT_2 = OMPI ? OmpiHandles.INT_2 : Abi.handle(mpich_h.MPI_2INT());
    /** {@code MPI_SHORT_INT}. */
    public static final MemorySegment SHORT_INT = OMPI ? OmpiHandles.SHORT_INT : Abi.handle(mpich_h.MPI_SHORT_INT());
    /** {@code MPI_LONG_DOUBLE_INT}. */
    public static final MemorySegment LONG_DOUBLE_INT = OMPI ? OmpiHandles.LONG_DOUBLE_INT : Abi.handle(mpich_h.MPI_LONG_DOUBLE_INT());
    /** {@code MPI_MAX}. */
    public static final MemorySegment MAX = OMPI ? OmpiHandles.MAX : Abi.handle(mpich_h.MPI_MAX());
    /** {@code MPI_MIN}. */
    public static final MemorySegment MIN = OMPI ? OmpiHandles.MIN : Abi.handle(mpich_h.MPI_MIN());
    /** {@code MPI_SUM}. */
    public static final MemorySegment SUM = OMPI ? OmpiHandles.SUM : Abi.handle(mpich_h.MPI_SUM());
    /** {@code MPI_PROD}. */
    public static final MemorySegment PROD = OMPI ? OmpiHandles.PROD : Abi.handle(mpich_h.MPI_PROD());
    /** {@code MPI_LAND}. */
    public static final MemorySegment LAND = OMPI ? OmpiHandles.LAND : Abi.handle(mpich_h.MPI_LAND());
    /** {@code MPI_BAND}. */
    public static final MemorySegment BAND = OMPI ? OmpiHandles.BAND : Abi.handle(mpich_h.MPI_BAND());
    /** {@code MPI_LOR}. */
    public static final MemorySegment LOR = OMPI ? OmpiHandles.LOR : Abi.handle(mpich_h.MPI_LOR());
    /** {@code MPI_BOR}. */
    public static final MemorySegment BOR = OMPI ? OmpiHandles.BOR : Abi.handle(mpich_h.MPI_BOR());
    /** {@code MPI_LXOR}. */
    public static final MemorySegment LXOR = OMPI ? OmpiHandles.LXOR : Abi.handle(mpich_h.MPI_LXOR());
    /** {@code MPI_BXOR}. */
    public static final MemorySegment BXOR = OMPI ? OmpiHandles.BXOR : Abi.handle(mpich_h.MPI_BXOR());
    /** {@code MPI_MAXLOC}. */
    public static final MemorySegment MAXLOC = OMPI ? OmpiHandles.MAXLOC : Abi.handle(mpich_h.MPI_MAXLOC());
    /** {@code MPI_MINLOC}. */
    public static final MemorySegment MINLOC = OMPI ? OmpiHandles.MINLOC : Abi.handle(mpich_h.MPI_MINLOC());
    /** {@code MPI_REPLACE}. */
    public static final MemorySegment REPLACE = OMPI ? OmpiHandles.REPLACE : Abi.handle(mpich_h.MPI_REPLACE());
    /** {@code MPI_NO_OP}. */
    public static final MemorySegment NO_OP = OMPI ? OmpiHandles.NO_OP : Abi.handle(mpich_h.MPI_NO_OP());
    /** {@code MPI_UNWEIGHTED}: no weights (a sentinel pointer, a variable's value on MPICH). */
    public static final MemorySegment UNWEIGHTED = OMPI ? org.jmpi.bindings.mpi.mpi_h.MPI_UNWEIGHTED()
            : mpich_h.MPI_UNWEIGHTED();
    /** {@code MPI_WEIGHTS_EMPTY}: an empty weight list (a sentinel pointer). */
    public static final MemorySegment WEIGHTS_EMPTY = OMPI ? org.jmpi.bindings.mpi.mpi_h.MPI_WEIGHTS_EMPTY()
            : mpich_h.MPI_WEIGHTS_EMPTY();
}
