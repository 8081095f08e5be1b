package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;
import org.jmpi.internal.MpiState;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * An MPI datatype ({@code MPI_Datatype}): the predefined ones as constants, derived
 * ones built by the static factories (committed, freed by {@link #close()}). Size, extent
 * and lower bound are read once, when MPI starts (predefined) or when the type is
 * built (derived), so buffer checks cost no native call.
 *
 * <pre>{@code
 * // one column of a row-major rows x cols matrix of doubles
 * try (Datatype column = Datatype.vector(rows, 1, cols, Datatype.DOUBLE)) {
 *     world.send(matrix.asSlice(j * 8L), 1, column, dest, tag);
 * }
 * // N records of a struct layout, sent as N elements
 * try (Datatype rec = Datatype.of(RECORD)) {
 *     world.send(records, n, rec, dest, tag);
 * }
 * }</pre>
 *
 * Java element types have one datatype each, used by every array message and by
 * {@link #of(MemoryLayout)}: byte {@link #INT8}, short {@link #INT16}, char
 * {@link #UINT16}, int {@link #INT32}, long {@link #INT64}, float {@link #FLOAT}, double
 * {@link #DOUBLE} (see {@link Buf}). The C types ({@link #SHORT}, {@link #INT},
 * {@link #LONG}, ...) are for native data described as C declares it. Factories check
 * every argument before any native call and name it in the exception; a type argument
 * that has been closed is an {@link IllegalStateException}.
 */
public final class Datatype implements AutoCloseable {
    private static final List<Datatype> PREDEFINED = new ArrayList<>();
    /** Live types by handle address, for user reduction functions that receive a handle. */
    private static final Map<Long, Datatype> BY_ADDRESS = new ConcurrentHashMap<>();

    /** {@code MPI_CHAR}: char. */
    public static final Datatype CHAR = predefined(Handles.CHAR, "MPI_CHAR");
    /** {@code MPI_SIGNED_CHAR}: signed char. */
    public static final Datatype SIGNED_CHAR = predefined(Handles.SIGNED_CHAR, "MPI_SIGNED_CHAR");
    /** {@code MPI_UNSIGNED_CHAR}: unsigned char. */
    public static final Datatype UNSIGNED_CHAR = predefined(Handles.UNSIGNED_CHAR, "MPI_UNSIGNED_CHAR");
    /** {@code MPI_BYTE}: uninterpreted bytes. */
    public static final Datatype BYTE = predefined(Handles.BYTE, "MPI_BYTE");
    /** {@code MPI_SHORT}: C short (16-bit here); a Java {@code short[]} is {@link #INT16}. */
    public static final Datatype SHORT = predefined(Handles.SHORT, "MPI_SHORT");
    /** {@code MPI_UNSIGNED_SHORT}: unsigned short. */
    public static final Datatype UNSIGNED_SHORT = predefined(Handles.UNSIGNED_SHORT, "MPI_UNSIGNED_SHORT");
    /** {@code MPI_INT}: C int (32-bit here); a Java {@code int[]} is {@link #INT32}. */
    public static final Datatype INT = predefined(Handles.INT, "MPI_INT");
    /** {@code MPI_UNSIGNED}: unsigned int. */
    public static final Datatype UNSIGNED = predefined(Handles.UNSIGNED, "MPI_UNSIGNED");
    /** {@code MPI_LONG}: C long (64-bit here); a Java {@code long[]} is {@link #INT64}. */
    public static final Datatype LONG = predefined(Handles.LONG, "MPI_LONG");
    /** {@code MPI_UNSIGNED_LONG}: unsigned long. */
    public static final Datatype UNSIGNED_LONG = predefined(Handles.UNSIGNED_LONG, "MPI_UNSIGNED_LONG");
    /** {@code MPI_LONG_LONG_INT}: long long. */
    public static final Datatype LONG_LONG = predefined(Handles.LONG_LONG_INT, "MPI_LONG_LONG_INT");
    /** {@code MPI_UNSIGNED_LONG_LONG}: unsigned long long. */
    public static final Datatype UNSIGNED_LONG_LONG = predefined(Handles.UNSIGNED_LONG_LONG, "MPI_UNSIGNED_LONG_LONG");
    /** {@code MPI_FLOAT}: float; Java float. */
    public static final Datatype FLOAT = predefined(Handles.FLOAT, "MPI_FLOAT");
    /** {@code MPI_DOUBLE}: double; Java double. */
    public static final Datatype DOUBLE = predefined(Handles.DOUBLE, "MPI_DOUBLE");
    /** {@code MPI_LONG_DOUBLE}: long double. */
    public static final Datatype LONG_DOUBLE = predefined(Handles.LONG_DOUBLE, "MPI_LONG_DOUBLE");
    /** {@code MPI_WCHAR}: wchar_t. */
    public static final Datatype WCHAR = predefined(Handles.WCHAR, "MPI_WCHAR");
    /** {@code MPI_C_BOOL}: _Bool; Java boolean. */
    public static final Datatype C_BOOL = predefined(Handles.C_BOOL, "MPI_C_BOOL");
    /** {@code MPI_INT8_T}: int8_t; Java byte. */
    public static final Datatype INT8 = predefined(Handles.INT8_T, "MPI_INT8_T");
    /** {@code MPI_INT16_T}: int16_t; Java short. */
    public static final Datatype INT16 = predefined(Handles.INT16_T, "MPI_INT16_T");
    /** {@code MPI_INT32_T}: int32_t; Java int. */
    public static final Datatype INT32 = predefined(Handles.INT32_T, "MPI_INT32_T");
    /** {@code MPI_INT64_T}: int64_t; Java long. */
    public static final Datatype INT64 = predefined(Handles.INT64_T, "MPI_INT64_T");
    /** {@code MPI_UINT8_T}: uint8_t. */
    public static final Datatype UINT8 = predefined(Handles.UINT8_T, "MPI_UINT8_T");
    /** {@code MPI_UINT16_T}: uint16_t; Java char. */
    public static final Datatype UINT16 = predefined(Handles.UINT16_T, "MPI_UINT16_T");
    /** {@code MPI_UINT32_T}: uint32_t. */
    public static final Datatype UINT32 = predefined(Handles.UINT32_T, "MPI_UINT32_T");
    /** {@code MPI_UINT64_T}: uint64_t. */
    public static final Datatype UINT64 = predefined(Handles.UINT64_T, "MPI_UINT64_T");
    /** {@code MPI_AINT}: MPI_Aint. */
    public static final Datatype AINT = predefined(Handles.AINT, "MPI_AINT");
    /** {@code MPI_OFFSET}: MPI_Offset. */
    public static final Datatype OFFSET = predefined(Handles.OFFSET, "MPI_OFFSET");
    /** {@code MPI_COUNT}: MPI_Count. */
    public static final Datatype COUNT = predefined(Handles.COUNT, "MPI_COUNT");
    /** {@code MPI_C_FLOAT_COMPLEX}: float _Complex. */
    public static final Datatype C_FLOAT_COMPLEX = predefined(Handles.C_FLOAT_COMPLEX, "MPI_C_FLOAT_COMPLEX");
    /** {@code MPI_C_DOUBLE_COMPLEX}: double _Complex. */
    public static final Datatype C_DOUBLE_COMPLEX = predefined(Handles.C_DOUBLE_COMPLEX, "MPI_C_DOUBLE_COMPLEX");
    /** {@code MPI_C_LONG_DOUBLE_COMPLEX}: long double _Complex. */
    public static final Datatype C_LONG_DOUBLE_COMPLEX = predefined(Handles.C_LONG_DOUBLE_COMPLEX, "MPI_C_LONG_DOUBLE_COMPLEX");
    /** {@code MPI_PACKED}: packed bytes (MPI_Pack). */
    public static final Datatype PACKED = predefined(Handles.PACKED, "MPI_PACKED");
    /** {@code MPI_FLOAT_INT}: {float, int} for MINLOC/MAXLOC; layout {@link PairLayouts#FLOAT_INT}. */
    public static final Datatype FLOAT_INT = predefined(Handles.FLOAT_INT, "MPI_FLOAT_INT");
    /** {@code MPI_DOUBLE_INT}: {double, int} for MINLOC/MAXLOC; layout {@link PairLayouts#DOUBLE_INT}. */
    public static final Datatype DOUBLE_INT = predefined(Handles.DOUBLE_INT, "MPI_DOUBLE_INT");
    /** {@code MPI_LONG_INT}: {long, int} for MINLOC/MAXLOC; layout {@link PairLayouts#LONG_INT}. */
    public static final Datatype LONG_INT = predefined(Handles.LONG_INT, "MPI_LONG_INT");
    /** {@code MPI_2INT}: {int, int} for MINLOC/MAXLOC; layout {@link PairLayouts#INT_2}. */
    public static final Datatype INT_2 = predefined(Handles.INT_2, "MPI_2INT");
    /** {@code MPI_SHORT_INT}: {short, int} for MINLOC/MAXLOC; layout {@link PairLayouts#SHORT_INT}. */
    public static final Datatype SHORT_INT = predefined(Handles.SHORT_INT, "MPI_SHORT_INT");
    /** {@code MPI_LONG_DOUBLE_INT}: {long double, int} for MINLOC/MAXLOC; no Java layout (no {@code long double}). */
    public static final Datatype LONG_DOUBLE_INT = predefined(Handles.LONG_DOUBLE_INT, "MPI_LONG_DOUBLE_INT");

    private final MemorySegment handle;
    private final String name;
    private final boolean predefined;
    private final Freed freed;
    /** Null until read: a predefined type reads its geometry on first use, not at init. */
    private Geometry geometry;

    private Datatype(MemorySegment handle, String name, boolean predefined) {
        this.freed = new Freed("datatype " + name);
        this.handle = handle;
        this.name = name;
        this.predefined = predefined;
    }

    private static Datatype predefined(MemorySegment handle, String name) {
        Datatype t = new Datatype(handle, name, true);
        PREDEFINED.add(t);
        return t;
    }

    /** Wraps a datatype the library built and committed; reads its size and extent. */
    static Datatype derived(MemorySegment handle, String description) {
        Datatype t = new Datatype(handle, description, false);
        t.readGeometry();
        BY_ADDRESS.put(handle.address(), t);
        return t;
    }

    /**
     * Registers the predefined types by handle; called once by {@link Mpi#init}. Their
     * sizes and extents are read on first use, which keeps three MPI calls per type and
     * the linking of {@code MPI_Type_get_extent_x} off the start of every job.
     */
    static void resolvePredefined() {
        for (Datatype t : PREDEFINED) {
            BY_ADDRESS.putIfAbsent(t.handle.address(), t);
        }
    }

    /**
     * Size, bounds and extents of a type, as MPI reports them; final fields, so a geometry
     * one thread reads is seen whole by every other.
     */
    private record Geometry(long size, long lowerBound, long extent, long trueLowerBound, long trueExtent,
                            boolean contained) {
    }

    private Geometry geometry() {
        Geometry g = geometry;
        return g != null ? g : readGeometry();
    }

    private Geometry readGeometry() {
        if (!MpiState.active()) {
            throw new IllegalStateException("the size and extent of " + name + " are MPI's: "
                    + (MpiState.finalized() ? "MPI has been finalized" : "MPI is not initialized (call Mpi.init() first)"));
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_LONG, 5);
            Errors.check(MpiCalls.MPI_Type_size_x(handle, out), "MPI_Type_size_x");
            Errors.check(MpiCalls.MPI_Type_get_extent_x(handle, out.asSlice(8), out.asSlice(16)),
                    "MPI_Type_get_extent_x");
            Errors.check(MpiCalls.MPI_Type_get_true_extent_x(handle, out.asSlice(24), out.asSlice(32)),
                    "MPI_Type_get_true_extent_x");
            long extent = out.get(JAVA_LONG, 16);
            long trueLowerBound = out.get(JAVA_LONG, 24);
            long trueExtent = out.get(JAVA_LONG, 32);
            Geometry g = new Geometry(out.get(JAVA_LONG, 0), out.get(JAVA_LONG, 8), extent, trueLowerBound,
                    trueExtent, trueLowerBound >= 0 && trueLowerBound + trueExtent <= extent);
            geometry = g;
            return g;
        }
    }

    /**
     * Whether every element's data lies within its own extent, so {@code count x extent}
     * bytes bound {@code count} elements; false for types resized smaller than their data
     * or with negative displacements. Checks of buffers use the true bounds then.
     */
    boolean contained() {
        return geometry().contained();
    }

    /** Bytes of data in one element ({@code MPI_Type_size}); holes excluded. */
    public long size() {
        freed.check();
        return geometry().size();
    }

    /** Distance in bytes between consecutive elements ({@code MPI_Type_get_extent}). */
    public long extent() {
        freed.check();
        return geometry().extent();
    }

    /** The lower bound of the type map in bytes. */
    public long lowerBound() {
        freed.check();
        return geometry().lowerBound();
    }

    /**
     * Offset in bytes of the first byte of data ({@code MPI_Type_get_true_extent}); differs
     * from {@link #lowerBound()} when the type was resized.
     */
    public long trueLowerBound() {
        freed.check();
        return geometry().trueLowerBound();
    }

    /** Bytes from the first to the last byte of data, holes at the ends excluded. */
    public long trueExtent() {
        freed.check();
        return geometry().trueExtent();
    }

    /** Whether this is a predefined type (close() leaves it alone). */
    public boolean isPredefined() {
        return predefined;
    }

    /**
     * The type's name as MPI keeps it ({@code MPI_Type_get_name}): the constant's C name
     * for a predefined type ({@code "MPI_INT"}), what {@link #name(String)} set for a
     * derived one, else empty. {@link #toString()} describes how a derived type was built.
     */
    public String name() {
        return ObjectNames.get(handle(), MpiCalls::MPI_Type_get_name, "MPI_Type_get_name");
    }

    /**
     * Names the type ({@code MPI_Type_set_name}), for this process only: at most
     * {@code MPI_MAX_OBJECT_NAME - 1} UTF-8 bytes, no NUL. A predefined type may be renamed
     * too, as in C; the name is then the new one for every user of the constant in this
     * process ({@link #toString()} stays the C name).
     */
    public void name(String name) {
        ObjectNames.set(handle(), name, MpiCalls::MPI_Type_set_name, "MPI_Type_set_name");
    }

    /** Storage order of a multidimensional array, for {@link #subarray}. */
    public enum Order {
        /** Row-major: the last index varies fastest ({@code MPI_ORDER_C}). */
        C,
        /** Column-major: the first index varies fastest ({@code MPI_ORDER_FORTRAN}). */
        FORTRAN
    }

    /** {@code MPI_Type_contiguous}: {@code count} consecutive elements of {@code old}. */
    public static Datatype contiguous(int count, Datatype old) {
        return DerivedTypes.contiguous(count, old);
    }

    /**
     * {@code MPI_Type_vector}: {@code count} blocks of {@code blockLength} elements of
     * {@code old}, block starts {@code stride} elements of {@code old} apart.
     */
    public static Datatype vector(int count, int blockLength, int stride, Datatype old) {
        return DerivedTypes.vector(count, blockLength, stride, old);
    }

    /** {@code MPI_Type_create_hvector}: as {@link #vector} with the stride in bytes. */
    public static Datatype hvector(int count, int blockLength, long byteStride, Datatype old) {
        return DerivedTypes.hvector(count, blockLength, byteStride, old);
    }

    /**
     * {@code MPI_Type_indexed}: block {@code i} has {@code blockLengths[i]} elements of
     * {@code old} and starts {@code displacements[i]} elements of {@code old} from the start.
     */
    public static Datatype indexed(int[] blockLengths, int[] displacements, Datatype old) {
        return DerivedTypes.indexed(blockLengths, displacements, old);
    }

    /** {@code MPI_Type_create_hindexed}: as {@link #indexed} with displacements in bytes. */
    public static Datatype hindexed(int[] blockLengths, long[] byteDisplacements, Datatype old) {
        return DerivedTypes.hindexed(blockLengths, byteDisplacements, old);
    }

    /** {@code MPI_Type_create_indexed_block}: as {@link #indexed} with one block length for all. */
    public static Datatype indexedBlock(int blockLength, int[] displacements, Datatype old) {
        return DerivedTypes.indexedBlock(blockLength, displacements, old);
    }

    /** {@code MPI_Type_create_hindexed_block}: as {@link #hindexed} with one block length for all. */
    public static Datatype hindexedBlock(int blockLength, long[] byteDisplacements, Datatype old) {
        return DerivedTypes.hindexedBlock(blockLength, byteDisplacements, old);
    }

    /**
     * {@code MPI_Type_create_struct}: block {@code i} has {@code blockLengths[i]} elements of
     * {@code types[i]} at byte {@code byteDisplacements[i]}; the three arrays have one length.
     */
    public static Datatype struct(int[] blockLengths, long[] byteDisplacements, Datatype[] types) {
        return DerivedTypes.struct(blockLengths, byteDisplacements, types);
    }

    /**
     * {@code MPI_Type_create_subarray}: the {@code subsizes} block starting at {@code starts}
     * of an array of {@code sizes} elements of {@code old} stored in {@code order}. Needs
     * {@code 1 <= subsizes[i] <= sizes[i]} and {@code 0 <= starts[i] <= sizes[i] - subsizes[i]}.
     * Its extent is the whole array's.
     */
    public static Datatype subarray(int[] sizes, int[] subsizes, int[] starts, Order order, Datatype old) {
        return DerivedTypes.subarray(sizes, subsizes, starts, order, old);
    }

    /**
     * {@code MPI_Type_create_resized}: {@code old} with lower bound {@code lowerBound} and
     * extent {@code extent} bytes, which is how far apart consecutive elements are.
     */
    public static Datatype resized(long lowerBound, long extent, Datatype old) {
        return DerivedTypes.resized(lowerBound, extent, old);
    }

    /** {@code MPI_Type_dup}: a new, committed type with this type map, owned by the caller. */
    public Datatype dup() {
        return DerivedTypes.dup(this);
    }

    /**
     * A type for one element of {@code layout}, with extent {@code layout.byteSize()}, so a
     * segment of N such elements goes with count N. Value layouts map to {@link #INT8},
     * {@link #INT16}, {@link #UINT16} (char), {@link #INT32}, {@link #INT64}, {@link #FLOAT},
     * {@link #DOUBLE}, {@link #C_BOOL} and {@link #AINT} (addresses); sequences to contiguous
     * types; structs to struct types at their members' byte offsets, padding skipped;
     * nesting is followed. Union layouts and values in non-native byte order are refused.
     * The result is always a new derived type, even for a single value layout.
     */
    public static Datatype of(MemoryLayout layout) {
        return LayoutTypes.of(layout);
    }

    /**
     * Caches {@code value} (not null) under a datatype {@code keyval} ({@code MPI_Type_set_attr});
     * an old value is deleted first. {@link #dup()} copies it through the keyval's copy function.
     */
    public <T> void setAttr(Keyval<T> keyval, T value) {
        AttrTarget.DATATYPE.set(handle(), Objects.requireNonNull(keyval, "keyval"), value);
    }

    /** The value cached under {@code keyval}, or empty ({@code MPI_Type_get_attr}). */
    public <T> Optional<T> getAttr(Keyval<T> keyval) {
        return AttrTarget.DATATYPE.get(handle(), Objects.requireNonNull(keyval, "keyval"));
    }

    /** Deletes the value cached under {@code keyval} ({@code MPI_Type_delete_attr}); false if there was none. */
    public boolean deleteAttr(Keyval<?> keyval) {
        return AttrTarget.DATATYPE.delete(handle(), Objects.requireNonNull(keyval, "keyval"));
    }

    /** The handle, after checking the type is usable. Not for users: it is native. */
    MemorySegment handle() {
        return freed.live(handle);
    }

    /** Frees a derived type ({@code MPI_Type_free}) exactly once; predefined types stay. */
    @Override
    public void close() {
        if (!predefined) {
            BY_ADDRESS.remove(handle.address(), this);
            freed.free(handle, MpiCalls::MPI_Type_free, "MPI_Type_free");
        }
    }

    /**
     * A description of the type: the C name of a predefined type, how a derived one was
     * built (its factory and arguments); unlike {@link #name()} no MPI call.
     */
    @Override
    public String toString() {
        return name;
    }

    /**
     * The live type (predefined, or derived and not closed) whose handle is {@code h}, or
     * {@code null}. Makes no MPI call and no thread check.
     */
    static Datatype byHandle(MemorySegment h) {
        return BY_ADDRESS.get(h.address());
    }
}
