package mpi;

import java.nio.Buffer;

/**
 * An MPI datatype. The predefined ones are constants of {@link MPI}; derived ones are
 * built by the static factories and must be {@link #commit() committed} before they
 * describe a buffer. Every datatype has a base type, the Java element type of the buffers
 * it describes ({@code int[]} or {@code IntBuffer} for types built over {@link MPI#INT},
 * bytes for {@link #createStruct}); sizes, extents and bounds are counted in elements of
 * that base type, while the byte-displacement factories ({@link #createHVector},
 * {@link #createHIndexed}, {@link #createStruct}, {@link #createResized}) take bytes.
 */
public final class Datatype implements Freeable, Cloneable {
    /** An identifier of this type within the process (0 for {@code DATATYPE_NULL} and freed types). */
    protected long handle;
    /** The base type code ({@link #INT}, {@link #BYTE}, ...). */
    protected int baseType;
    /** Bytes of one base element. */
    protected int baseSize;

    /** Base type code of {@link MPI#DATATYPE_NULL}. */
    protected static final int NULL = 0;
    /** Base type code of {@link MPI#BYTE}. */
    protected static final int BYTE = 1;
    /** Base type code of {@link MPI#CHAR}. */
    protected static final int CHAR = 2;
    /** Base type code of {@link MPI#SHORT}. */
    protected static final int SHORT = 3;
    /** Base type code of {@link MPI#BOOLEAN}. */
    protected static final int BOOLEAN = 4;
    /** Base type code of {@link MPI#INT}. */
    protected static final int INT = 5;
    /** Base type code of {@link MPI#LONG}. */
    protected static final int LONG = 6;
    /** Base type code of {@link MPI#FLOAT}. */
    protected static final int FLOAT = 7;
    /** Base type code of {@link MPI#DOUBLE}. */
    protected static final int DOUBLE = 8;
    /** Base type code of {@link MPI#PACKED}. */
    protected static final int PACKED = 9;
    /** Type code of {@link MPI#INT2}. */
    protected static final int INT2 = 10;
    /** Type code of {@link MPI#SHORT_INT}. */
    protected static final int SHORT_INT = 11;
    /** Type code of {@link MPI#LONG_INT}. */
    protected static final int LONG_INT = 12;
    /** Type code of {@link MPI#FLOAT_INT}. */
    protected static final int FLOAT_INT = 13;
    /** Type code of {@link MPI#DOUBLE_INT}. */
    protected static final int DOUBLE_INT = 14;
    /** Type code of {@link MPI#FLOAT_COMPLEX}. */
    protected static final int FLOAT_COMPLEX = 15;
    /** Type code of {@link MPI#DOUBLE_COMPLEX}. */
    protected static final int DOUBLE_COMPLEX = 16;

    private org.jmpi.Datatype type;
    private boolean predefined;
    private boolean committed;

    /** A datatype to be set up by {@link #setBasic}. */
    protected Datatype() {
    }

    /**
     * Makes this the predefined type with code {@code type}.
     *
     * @param type a type code ({@link #INT}, {@link #INT2}, ...)
     */
    protected void setBasic(int type) {
        this.type = Types.jmpiOf(type);
        this.baseType = Types.baseOf(type);
        this.baseSize = Types.sizeOf(baseType);
        this.predefined = true;
        this.committed = true;
        this.handle = type == NULL ? 0 : Handles.register(this);
    }

    /**
     * Makes this the predefined type with code {@code type}, counted in elements of
     * {@code oldType}'s base type.
     *
     * @param type    a type code
     * @param oldType the type whose base type this one takes
     */
    protected void setBasic(int type, Datatype oldType) {
        setBasic(type);
        this.baseType = oldType.baseType;
        this.baseSize = oldType.baseSize;
    }

    /** The predefined type with code {@code code}. */
    static Datatype basic(int code) {
        Datatype t = new Datatype();
        t.setBasic(code);
        return t;
    }

    /**
     * A type built by jmpi, counted in elements of {@code base}'s base type; to be
     * committed by the user. For other classes of this package that build types.
     */
    static Datatype derived(Datatype base, org.jmpi.Datatype built) {
        Datatype t = new Datatype();
        t.type = built;
        t.baseType = base.baseType;
        t.baseSize = base.baseSize;
        t.handle = Handles.register(t);
        return t;
    }

    /** The jmpi type behind this one, refused when this is {@code DATATYPE_NULL} or freed. */
    org.jmpi.Datatype jmpi() throws MPIException {
        Lifecycle.check();
        if (type == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_TYPE,
                    "type: " + (predefined ? "MPI_DATATYPE_NULL" : "a freed datatype")), "datatype");
        }
        return type;
    }

    /**
     * The jmpi type to describe a buffer: live and committed, else an unchecked argument
     * error (MPI_ERR_TYPE) for the caller to route through its error handler.
     */
    org.jmpi.Datatype forBuffer() {
        if (type == null || !committed) {
            throw Failure.arg(MPI.ERR_TYPE, "type: " + (type != null ? "the datatype has not been committed"
                    : predefined ? "MPI_DATATYPE_NULL" : "a freed datatype"));
        }
        return type;
    }

    /** The jmpi type, or null for a null or freed type; no checks. */
    org.jmpi.Datatype jmpiOrNull() {
        return type;
    }

    /** Whether this is one of the constants of {@link MPI}. */
    boolean isPredefined() {
        return predefined;
    }

    /**
     * The lower bound, in base elements.
     *
     * @return the lower bound
     * @throws MPIException if the type is null or freed
     */
    public int getLb() throws MPIException {
        return inBase(jmpi().lowerBound());
    }

    /**
     * The extent, the distance between consecutive elements, in base elements.
     *
     * @return the extent
     * @throws MPIException if the type is null or freed
     */
    public int getExtent() throws MPIException {
        return inBase(jmpi().extent());
    }

    /**
     * The true lower bound, where the data starts, in base elements.
     *
     * @return the true lower bound
     * @throws MPIException if the type is null or freed
     */
    public int getTrueLb() throws MPIException {
        return inBase(jmpi().trueLowerBound());
    }

    /**
     * The true extent, from the first to the last byte of data, in base elements.
     *
     * @return the true extent
     * @throws MPIException if the type is null or freed
     */
    public int getTrueExtent() throws MPIException {
        return inBase(jmpi().trueExtent());
    }

    /**
     * The size of the data in one element, holes excluded, in base elements.
     *
     * @return the size
     * @throws MPIException if the type is null or freed
     */
    public int getSize() throws MPIException {
        return inBase(jmpi().size());
    }

    private int inBase(long bytes) {
        return (int) (bytes / Math.max(1, baseSize));
    }

    /**
     * Commits the type, so that it may describe buffers ({@code MPI_Type_commit}).
     *
     * @throws MPIException if the type is null or freed
     */
    public void commit() throws MPIException {
        jmpi();
        committed = true;
    }

    /**
     * Frees the type ({@code MPI_Type_free}); it becomes null. Types built from it stay
     * valid. Predefined types cannot be freed.
     *
     * @throws MPIException if the type is predefined, null or freed
     */
    @Override
    public void free() throws MPIException {
        org.jmpi.Datatype t = jmpi();
        if (predefined) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_TYPE,
                    "type: a predefined datatype cannot be freed"), "MPI_Type_free");
        }
        Handles.unregister(handle);
        handle = 0;
        type = null;
        try {
            t.close();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Type_free");
        }
    }

    /**
     * Whether this is {@code DATATYPE_NULL} or has been freed.
     *
     * @return whether the type is null
     */
    public boolean isNull() {
        return type == null;
    }

    /**
     * A duplicate of this type ({@link #dup()}).
     *
     * @return the duplicate
     * @throws RuntimeException wrapping the {@link MPIException} if the type cannot be duplicated
     */
    @Override
    public Datatype clone() {
        try {
            return dup();
        } catch (MPIException e) {
            throw new RuntimeException(e.getMessage(), e);
        }
    }

    /**
     * A new type with the same type map, committed like this one ({@code MPI_Type_dup}).
     *
     * @return the duplicate
     * @throws MPIException if the type is null or freed
     */
    public Datatype dup() throws MPIException {
        org.jmpi.Datatype t = jmpi();
        try {
            Datatype d = derived(this, t.isPredefined() ? org.jmpi.Datatype.contiguous(1, t) : t.dup());
            d.committed = committed;
            return d;
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Type_dup");
        }
    }

    /**
     * {@code count} consecutive elements of {@code oldType} ({@code MPI_Type_contiguous}).
     *
     * @param count   number of elements
     * @param oldType the element type
     * @return the new type, to be committed
     * @throws MPIException if an argument is wrong
     */
    public static Datatype createContiguous(int count, Datatype oldType) throws MPIException {
        return Types.contiguous(count, oldType);
    }

    /**
     * {@code count} blocks of {@code blockLength} elements of {@code oldType}, starting
     * {@code stride} elements apart ({@code MPI_Type_vector}).
     *
     * @param count       number of blocks
     * @param blockLength elements per block
     * @param stride      elements between block starts
     * @param oldType     the element type
     * @return the new type, to be committed
     * @throws MPIException if an argument is wrong
     */
    public static Datatype createVector(int count, int blockLength, int stride, Datatype oldType)
            throws MPIException {
        return Types.vector(count, blockLength, stride, false, oldType);
    }

    /**
     * As {@link #createVector} with the stride in bytes ({@code MPI_Type_create_hvector}).
     *
     * @param count       number of blocks
     * @param blockLength elements per block
     * @param stride      bytes between block starts
     * @param oldType     the element type
     * @return the new type, to be committed
     * @throws MPIException if an argument is wrong
     */
    public static Datatype createHVector(int count, int blockLength, int stride, Datatype oldType)
            throws MPIException {
        return Types.vector(count, blockLength, stride, true, oldType);
    }

    /**
     * Blocks of elements of {@code oldType} at displacements counted in its extents
     * ({@code MPI_Type_indexed}).
     *
     * @param blockLengths  elements per block
     * @param displacements block starts, in extents of {@code oldType}
     * @param oldType       the element type
     * @return the new type, to be committed
     * @throws MPIException if an argument is wrong
     */
    public static Datatype createIndexed(int[] blockLengths, int[] displacements, Datatype oldType)
            throws MPIException {
        return Types.indexed(blockLengths, displacements, false, oldType);
    }

    /**
     * As {@link #createIndexed} with displacements in bytes ({@code MPI_Type_create_hindexed}).
     *
     * @param blockLengths  elements per block
     * @param displacements block starts, in bytes
     * @param oldType       the element type
     * @return the new type, to be committed
     * @throws MPIException if an argument is wrong
     */
    public static Datatype createHIndexed(int[] blockLengths, int[] displacements, Datatype oldType)
            throws MPIException {
        return Types.indexed(blockLengths, displacements, true, oldType);
    }

    /**
     * Blocks of different types at byte displacements ({@code MPI_Type_create_struct});
     * its base type is {@link MPI#BYTE}.
     *
     * @param blockLengths  elements per block
     * @param displacements block starts, in bytes
     * @param types         the type of each block
     * @return the new type, to be committed
     * @throws MPIException if an argument is wrong
     */
    public static Datatype createStruct(int[] blockLengths, int[] displacements, Datatype[] types)
            throws MPIException {
        return Types.struct(blockLengths, displacements, types);
    }

    /**
     * {@code oldType} with a new lower bound and extent, in bytes
     * ({@code MPI_Type_create_resized}).
     *
     * @param oldType the type
     * @param lb      the new lower bound, in bytes
     * @param extent  the new extent, in bytes
     * @return the new type, to be committed
     * @throws MPIException if an argument is wrong
     */
    public static Datatype createResized(Datatype oldType, int lb, int extent) throws MPIException {
        return Types.resized(oldType, lb, extent);
    }

    /**
     * Names the type ({@code MPI_Type_set_name}).
     *
     * @param name the name
     * @throws MPIException if the type is null or freed, or the name too long
     */
    public void setName(String name) throws MPIException {
        Types.setName(this, name);
    }

    /**
     * The type's name ({@code MPI_Type_get_name}): the MPI name of a predefined type, the
     * name set by {@link #setName}, or empty.
     *
     * @return the name
     * @throws MPIException if the type is null or freed
     */
    public String getName() throws MPIException {
        return Types.getName(this);
    }

    /**
     * A new attribute key for datatypes ({@code MPI_Type_create_keyval}); attributes are
     * copied by {@link #dup()}.
     *
     * @return the key
     * @throws MPIException if MPI does not run
     */
    public static int createKeyval() throws MPIException {
        return Attributes.createKeyval(Attributes.Kind.DATATYPE);
    }

    /**
     * Frees an attribute key ({@code MPI_Type_free_keyval}).
     *
     * @param keyval the key
     * @throws MPIException if the key is not one of {@link #createKeyval()}
     */
    public static void freeKeyval(int keyval) throws MPIException {
        Attributes.freeKeyval(keyval, Attributes.Kind.DATATYPE);
    }

    /**
     * Stores a copy of a serializable value under a key ({@code MPI_Type_set_attr}).
     *
     * @param keyval the key
     * @param value  the value, copied by serialization
     * @throws MPIException if the key or value is refused
     */
    public void setAttr(int keyval, Object value) throws MPIException {
        Attributes.set(jmpi(), keyval, Attributes.Kind.DATATYPE, value, MPI.COMM_WORLD.errhandler());
    }

    /**
     * A copy of the value stored under a key ({@code MPI_Type_get_attr}).
     *
     * @param keyval the key
     * @return the value, or null if none is stored
     * @throws MPIException if the key is refused
     */
    public Object getAttr(int keyval) throws MPIException {
        return Attributes.get(jmpi(), keyval, Attributes.Kind.DATATYPE, MPI.COMM_WORLD.errhandler());
    }

    /**
     * Removes the value stored under a key ({@code MPI_Type_delete_attr}).
     *
     * @param keyval the key
     * @throws MPIException if the key is refused
     */
    public void deleteAttr(int keyval) throws MPIException {
        Attributes.delete(jmpi(), keyval, Attributes.Kind.DATATYPE, MPI.COMM_WORLD.errhandler());
    }

    /**
     * The byte offset of a heap buffer's first element in its array.
     *
     * @param buffer a buffer backed by an array
     * @return its array offset in bytes
     */
    protected int getOffset(Object buffer) {
        Buffer b = (Buffer) buffer;
        return b.arrayOffset() * Buffers.elementSize(b);
    }

    @Override
    public String toString() {
        return type == null ? "MPI_DATATYPE_NULL" : type.name();
    }
}
