package org.jmpi.bindings.ompi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;

/**
 * Open MPI's predefined handles. In Open MPI's ABI, {@code MPI_COMM_WORLD},
 * {@code MPI_INT}, {@code MPI_SUM}, ... are macros over addresses of global objects
 * ({@code &ompi_mpi_comm_world}), which jextract drops; they are resolved here by symbol
 * lookup in {@code libmpi.so.40}. An MPICH or standard-ABI variant would sit beside this
 * class. Loading this class loads libmpi (see {@link OmpiLibrary}).
 */
public final class OmpiHandles {
    private static final SymbolLookup LIBMPI;

    static {
        OmpiLibrary.load();
        LIBMPI = SymbolLookup.libraryLookup(OmpiLibrary.LIBMPI, Arena.global());
    }
    // Communicators
    /** {@code MPI_COMM_WORLD} ({@code &ompi_mpi_comm_world}). */
    public static final MemorySegment COMM_WORLD = symbol("ompi_mpi_comm_world");
    /** {@code MPI_COMM_SELF} ({@code &ompi_mpi_comm_self}). */
    public static final MemorySegment COMM_SELF = symbol("ompi_mpi_comm_self");
    /** {@code MPI_COMM_NULL} ({@code &ompi_mpi_comm_null}). */
    public static final MemorySegment COMM_NULL = symbol("ompi_mpi_comm_null");
    // Groups
    /** {@code MPI_GROUP_EMPTY} ({@code &ompi_mpi_group_empty}). */
    public static final MemorySegment GROUP_EMPTY = symbol("ompi_mpi_group_empty");
    /** {@code MPI_GROUP_NULL} ({@code &ompi_mpi_group_null}). */
    public static final MemorySegment GROUP_NULL = symbol("ompi_mpi_group_null");
    // Error handlers
    /** {@code MPI_ERRORS_RETURN} ({@code &ompi_mpi_errors_return}). */
    public static final MemorySegment ERRORS_RETURN = symbol("ompi_mpi_errors_return");
    /** {@code MPI_ERRORS_ARE_FATAL} ({@code &ompi_mpi_errors_are_fatal}). */
    public static final MemorySegment ERRORS_ARE_FATAL = symbol("ompi_mpi_errors_are_fatal");
    /** {@code MPI_ERRHANDLER_NULL} ({@code &ompi_mpi_errhandler_null}). */
    public static final MemorySegment ERRHANDLER_NULL = symbol("ompi_mpi_errhandler_null");
    // Info objects
    /** {@code MPI_INFO_NULL} ({@code &ompi_mpi_info_null}). */
    public static final MemorySegment INFO_NULL = symbol("ompi_mpi_info_null");
    /** {@code MPI_INFO_ENV} ({@code &ompi_mpi_info_env}). */
    public static final MemorySegment INFO_ENV = symbol("ompi_mpi_info_env");
    // Null handles of the other objects
    /** {@code MPI_WIN_NULL} ({@code &ompi_mpi_win_null}). */
    public static final MemorySegment WIN_NULL = symbol("ompi_mpi_win_null");
    /** {@code MPI_FILE_NULL} ({@code &ompi_mpi_file_null}). */
    public static final MemorySegment FILE_NULL = symbol("ompi_mpi_file_null");
    /** {@code MPI_DATATYPE_NULL} ({@code &ompi_mpi_datatype_null}). */
    public static final MemorySegment DATATYPE_NULL = symbol("ompi_mpi_datatype_null");
    /** {@code MPI_OP_NULL} ({@code &ompi_mpi_op_null}). */
    public static final MemorySegment OP_NULL = symbol("ompi_mpi_op_null");
    // Requests and messages
    /** {@code MPI_REQUEST_NULL} ({@code &ompi_request_null}). */
    public static final MemorySegment REQUEST_NULL = symbol("ompi_request_null");
    /** {@code MPI_MESSAGE_NULL} ({@code &ompi_message_null}). */
    public static final MemorySegment MESSAGE_NULL = symbol("ompi_message_null");
    /** {@code MPI_MESSAGE_NO_PROC} ({@code &ompi_message_no_proc}). */
    public static final MemorySegment MESSAGE_NO_PROC = symbol("ompi_message_no_proc");
    // C datatypes
    /** {@code MPI_CHAR} ({@code &ompi_mpi_char}). */
    public static final MemorySegment CHAR = symbol("ompi_mpi_char");
    /** {@code MPI_SIGNED_CHAR} ({@code &ompi_mpi_signed_char}). */
    public static final MemorySegment SIGNED_CHAR = symbol("ompi_mpi_signed_char");
    /** {@code MPI_UNSIGNED_CHAR} ({@code &ompi_mpi_unsigned_char}). */
    public static final MemorySegment UNSIGNED_CHAR = symbol("ompi_mpi_unsigned_char");
    /** {@code MPI_BYTE} ({@code &ompi_mpi_byte}). */
    public static final MemorySegment BYTE = symbol("ompi_mpi_byte");
    /** {@code MPI_SHORT} ({@code &ompi_mpi_short}). */
    public static final MemorySegment SHORT = symbol("ompi_mpi_short");
    /** {@code MPI_UNSIGNED_SHORT} ({@code &ompi_mpi_unsigned_short}). */
    public static final MemorySegment UNSIGNED_SHORT = symbol("ompi_mpi_unsigned_short");
    /** {@code MPI_INT} ({@code &ompi_mpi_int}). */
    public static final MemorySegment INT = symbol("ompi_mpi_int");
    /** {@code MPI_UNSIGNED} ({@code &ompi_mpi_unsigned}). */
    public static final MemorySegment UNSIGNED = symbol("ompi_mpi_unsigned");
    /** {@code MPI_LONG} ({@code &ompi_mpi_long}). */
    public static final MemorySegment LONG = symbol("ompi_mpi_long");
    /** {@code MPI_UNSIGNED_LONG} ({@code &ompi_mpi_unsigned_long}). */
    public static final MemorySegment UNSIGNED_LONG = symbol("ompi_mpi_unsigned_long");
    /** {@code MPI_LONG_LONG_INT} ({@code &ompi_mpi_long_long_int}). */
    public static final MemorySegment LONG_LONG_INT = symbol("ompi_mpi_long_long_int");
    /** {@code MPI_UNSIGNED_LONG_LONG} ({@code &ompi_mpi_unsigned_long_long}). */
    public static final MemorySegment UNSIGNED_LONG_LONG = symbol("ompi_mpi_unsigned_long_long");
    /** {@code MPI_FLOAT} ({@code &ompi_mpi_float}). */
    public static final MemorySegment FLOAT = symbol("ompi_mpi_float");
    /** {@code MPI_DOUBLE} ({@code &ompi_mpi_double}). */
    public static final MemorySegment DOUBLE = symbol("ompi_mpi_double");
    /** {@code MPI_LONG_DOUBLE} ({@code &ompi_mpi_long_double}). */
    public static final MemorySegment LONG_DOUBLE = symbol("ompi_mpi_long_double");
    /** {@code MPI_WCHAR} ({@code &ompi_mpi_wchar}). */
    public static final MemorySegment WCHAR = symbol("ompi_mpi_wchar");
    /** {@code MPI_C_BOOL} ({@code &ompi_mpi_c_bool}). */
    public static final MemorySegment C_BOOL = symbol("ompi_mpi_c_bool");
    /** {@code MPI_INT8_T} ({@code &ompi_mpi_int8_t}). */
    public static final MemorySegment INT8_T = symbol("ompi_mpi_int8_t");
    /** {@code MPI_INT16_T} ({@code &ompi_mpi_int16_t}). */
    public static final MemorySegment INT16_T = symbol("ompi_mpi_int16_t");
    /** {@code MPI_INT32_T} ({@code &ompi_mpi_int32_t}). */
    public static final MemorySegment INT32_T = symbol("ompi_mpi_int32_t");
    /** {@code MPI_INT64_T} ({@code &ompi_mpi_int64_t}). */
    public static final MemorySegment INT64_T = symbol("ompi_mpi_int64_t");
    /** {@code MPI_UINT8_T} ({@code &ompi_mpi_uint8_t}). */
    public static final MemorySegment UINT8_T = symbol("ompi_mpi_uint8_t");
    /** {@code MPI_UINT16_T} ({@code &ompi_mpi_uint16_t}). */
    public static final MemorySegment UINT16_T = symbol("ompi_mpi_uint16_t");
    /** {@code MPI_UINT32_T} ({@code &ompi_mpi_uint32_t}). */
    public static final MemorySegment UINT32_T = symbol("ompi_mpi_uint32_t");
    /** {@code MPI_UINT64_T} ({@code &ompi_mpi_uint64_t}). */
    public static final MemorySegment UINT64_T = symbol("ompi_mpi_uint64_t");
    /** {@code MPI_AINT} ({@code &ompi_mpi_aint}). */
    public static final MemorySegment AINT = symbol("ompi_mpi_aint");
    /** {@code MPI_COUNT} ({@code &ompi_mpi_count}). */
    public static final MemorySegment COUNT = symbol("ompi_mpi_count");
    /** {@code MPI_OFFSET} ({@code &ompi_mpi_offset}). */
    public static final MemorySegment OFFSET = symbol("ompi_mpi_offset");
    /** {@code MPI_C_FLOAT_COMPLEX} ({@code &ompi_mpi_c_float_complex}). */
    public static final MemorySegment C_FLOAT_COMPLEX = symbol("ompi_mpi_c_float_complex");
    /** {@code MPI_C_DOUBLE_COMPLEX} ({@code &ompi_mpi_c_double_complex}). */
    public static final MemorySegment C_DOUBLE_COMPLEX = symbol("ompi_mpi_c_double_complex");
    /** {@code MPI_C_LONG_DOUBLE_COMPLEX} ({@code &ompi_mpi_c_long_double_complex}). */
    public static final MemorySegment C_LONG_DOUBLE_COMPLEX = symbol("ompi_mpi_c_long_double_complex");
    /** {@code MPI_PACKED} ({@code &ompi_mpi_packed}). */
    public static final MemorySegment PACKED = symbol("ompi_mpi_packed");
    // Pair types for MINLOC/MAXLOC
    /** {@code MPI_FLOAT_INT} ({@code &ompi_mpi_float_int}). */
    public static final MemorySegment FLOAT_INT = symbol("ompi_mpi_float_int");
    /** {@code MPI_DOUBLE_INT} ({@code &ompi_mpi_double_int}). */
    public static final MemorySegment DOUBLE_INT = symbol("ompi_mpi_double_int");
    /** {@code MPI_LONG_INT} ({@code &ompi_mpi_long_int}). */
    public static final MemorySegment LONG_INT = symbol("ompi_mpi_long_int");
    /** {@code MPI_2INT} ({@code &ompi_mpi_2int}). */
    public static final MemorySegment INT_2 = symbol("ompi_mpi_2int");
    /** {@code MPI_SHORT_INT} ({@code &ompi_mpi_short_int}). */
    public static final MemorySegment SHORT_INT = symbol("ompi_mpi_short_int");
    /** {@code MPI_LONG_DOUBLE_INT} ({@code &ompi_mpi_longdbl_int}). */
    public static final MemorySegment LONG_DOUBLE_INT = symbol("ompi_mpi_longdbl_int");
    // Reduction operations
    /** {@code MPI_MAX} ({@code &ompi_mpi_op_max}). */
    public static final MemorySegment MAX = symbol("ompi_mpi_op_max");
    /** {@code MPI_MIN} ({@code &ompi_mpi_op_min}). */
    public static final MemorySegment MIN = symbol("ompi_mpi_op_min");
    /** {@code MPI_SUM} ({@code &ompi_mpi_op_sum}). */
    public static final MemorySegment SUM = symbol("ompi_mpi_op_sum");
    /** {@code MPI_PROD} ({@code &ompi_mpi_op_prod}). */
    public static final MemorySegment PROD = symbol("ompi_mpi_op_prod");
    /** {@code MPI_LAND} ({@code &ompi_mpi_op_land}). */
    public static final MemorySegment LAND = symbol("ompi_mpi_op_land");
    /** {@code MPI_BAND} ({@code &ompi_mpi_op_band}). */
    public static final MemorySegment BAND = symbol("ompi_mpi_op_band");
    /** {@code MPI_LOR} ({@code &ompi_mpi_op_lor}). */
    public static final MemorySegment LOR = symbol("ompi_mpi_op_lor");
    /** {@code MPI_BOR} ({@code &ompi_mpi_op_bor}). */
    public static final MemorySegment BOR = symbol("ompi_mpi_op_bor");
    /** {@code MPI_LXOR} ({@code &ompi_mpi_op_lxor}). */
    public static final MemorySegment LXOR = symbol("ompi_mpi_op_lxor");
    /** {@code MPI_BXOR} ({@code &ompi_mpi_op_bxor}). */
    public static final MemorySegment BXOR = symbol("ompi_mpi_op_bxor");
    /** {@code MPI_MAXLOC} ({@code &ompi_mpi_op_maxloc}). */
    public static final MemorySegment MAXLOC = symbol("ompi_mpi_op_maxloc");
    /** {@code MPI_MINLOC} ({@code &ompi_mpi_op_minloc}). */
    public static final MemorySegment MINLOC = symbol("ompi_mpi_op_minloc");
    /** {@code MPI_REPLACE} ({@code &ompi_mpi_op_replace}). */
    public static final MemorySegment REPLACE = symbol("ompi_mpi_op_replace");
    /** {@code MPI_NO_OP} ({@code &ompi_mpi_op_no_op}). */
    public static final MemorySegment NO_OP = symbol("ompi_mpi_op_no_op");

    private OmpiHandles() {
    }

    /**
     * The address of a global object of libmpi.
     *
     * @throws IllegalStateException when this libmpi does not define the symbol
     */
    public static MemorySegment symbol(String name) {
        return LIBMPI.find(name).orElseThrow(() -> new IllegalStateException(
                OmpiLibrary.LIBMPI + " has no symbol " + name + ": not Open MPI 4.x?"));
    }
}
