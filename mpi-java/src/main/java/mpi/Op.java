package mpi;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A reduction operation: the predefined ones are constants of {@link MPI}; a user-defined
 * one applies a {@link UserFunction}.
 */
public final class Op implements Freeable {
    static final int MAX_CODE = 1;
    static final int MIN_CODE = 2;
    static final int SUM_CODE = 3;
    static final int PROD_CODE = 4;
    static final int LAND_CODE = 5;
    static final int BAND_CODE = 6;
    static final int LOR_CODE = 7;
    static final int BOR_CODE = 8;
    static final int LXOR_CODE = 9;
    static final int BXOR_CODE = 10;
    static final int MINLOC_CODE = 11;
    static final int MAXLOC_CODE = 12;
    static final int REPLACE_CODE = 13;
    static final int NO_OP_CODE = 14;

    /** The user function of a user-defined operation; null for the predefined ones. */
    protected final UserFunction uf;
    /** An identifier of this operation within the process (not a native MPI handle). */
    protected long handle;

    /** The jmpi operation; made when first used for a user function, null once freed. */
    private org.jmpi.Op op;
    private final boolean commute;
    private volatile boolean freed;
    /** The datatype of the last reduction, and the datatype of each jmpi type seen. */
    private volatile Datatype datatype;
    private final Map<org.jmpi.Datatype, Datatype> types = new ConcurrentHashMap<>();

    /**
     * The predefined operation with code {@code type} (1 MAX, 2 MIN, 3 SUM, 4 PROD, 5 LAND,
     * 6 BAND, 7 LOR, 8 BOR, 9 LXOR, 10 BXOR, 11 MINLOC, 12 MAXLOC, 13 REPLACE, 14 NO_OP).
     *
     * @param type the code
     */
    protected Op(int type) {
        this.uf = null;
        this.op = switch (type) {
            case MAX_CODE -> org.jmpi.Op.MAX;
            case MIN_CODE -> org.jmpi.Op.MIN;
            case SUM_CODE -> org.jmpi.Op.SUM;
            case PROD_CODE -> org.jmpi.Op.PROD;
            case LAND_CODE -> org.jmpi.Op.LAND;
            case BAND_CODE -> org.jmpi.Op.BAND;
            case LOR_CODE -> org.jmpi.Op.LOR;
            case BOR_CODE -> org.jmpi.Op.BOR;
            case LXOR_CODE -> org.jmpi.Op.LXOR;
            case BXOR_CODE -> org.jmpi.Op.BXOR;
            case MINLOC_CODE -> org.jmpi.Op.MINLOC;
            case MAXLOC_CODE -> org.jmpi.Op.MAXLOC;
            case REPLACE_CODE -> org.jmpi.Op.REPLACE;
            case NO_OP_CODE -> org.jmpi.Op.NO_OP;
            default -> throw new IllegalArgumentException("type: " + type + " is no predefined operation");
        };
        this.commute = true;
        this.handle = Handles.register(this);
    }

    /**
     * The jmpi operation to apply to {@code type}: recorded so that a user function gets
     * the {@link Datatype} of the call; refused once freed.
     */
    org.jmpi.Op jmpi(Datatype type) throws MPIException {
        Lifecycle.check();
        try {
            return forCall(type);
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "op");
        }
    }

    /** As {@link #jmpi(Datatype)} with unchecked errors, for calls that route them themselves. */
    org.jmpi.Op forCall(Datatype type) {
        if (freed) {
            throw Failure.arg(MPI.ERR_OP, "op: freed");
        }
        if (uf == null) {
            return op;
        }
        if (type != null) {
            setDatatype(type);
        }
        synchronized (this) {
            if (op == null) {
                op = org.jmpi.Op.create(this::apply, commute);
            }
            return op;
        }
    }

    /**
     * A user-defined operation ({@code MPI_Op_create}) applying {@code function}; its
     * ByteBuffer form receives the data where MPI holds it.
     *
     * @param function the combining function
     * @param commute  whether the operation is commutative
     */
    public Op(UserFunction function, boolean commute) {
        if (function == null) {
            throw new IllegalArgumentException("function: null");
        }
        this.uf = function;
        this.commute = commute;
        this.handle = Handles.register(this);
    }

    /**
     * Records the datatype of the reduction about to run, which the user function gets.
     *
     * @param t the datatype
     */
    protected void setDatatype(Datatype t) {
        this.datatype = t;
        org.jmpi.Datatype j = t.jmpiOrNull();
        if (j != null) {
            types.put(j, t);
        }
    }

    /**
     * Applies the user function to arrays of the recorded datatype's base type.
     *
     * @param invec    the input elements
     * @param inoutvec the input-output elements, which receive the result
     * @param count    the number of elements of the datatype
     * @throws MPIException if the function fails
     */
    protected void call(Object invec, Object inoutvec, int count) throws MPIException {
        uf.call(invec, inoutvec, count, datatype);
    }

    /** The body of the jmpi operation: the user function over the native memory, as byte buffers. */
    private void apply(MemorySegment in, MemorySegment inout, int count, org.jmpi.Datatype type) {
        Datatype t = type == null ? datatype : types.getOrDefault(type, datatype);
        try {
            uf.call(in.asByteBuffer().order(ByteOrder.nativeOrder()),
                    inout.asByteBuffer().order(ByteOrder.nativeOrder()), count, t);
        } catch (MPIException e) {
            throw new IllegalStateException("the user function failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the operation is commutative (every predefined one is).
     *
     * @return whether it commutes
     */
    public boolean isCommutative() {
        return commute;
    }

    /**
     * Frees a user-defined operation ({@code MPI_Op_free}).
     *
     * @throws MPIException if it is predefined or already freed
     */
    @Override
    public void free() throws MPIException {
        Lifecycle.check();
        if (uf == null || freed) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_OP,
                    uf == null ? "op: a predefined operation cannot be freed" : "op: freed"), "MPI_Op_free");
        }
        freed = true;
        Handles.unregister(handle);
        org.jmpi.Op o;
        synchronized (this) {
            o = op;
            op = null;
        }
        try {
            if (o != null) {
                o.close();
            }
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "MPI_Op_free");
        }
    }

    /**
     * Whether the operation has been freed.
     *
     * @return whether it is null
     */
    public boolean isNull() {
        return freed;
    }

    @Override
    public String toString() {
        return uf == null ? op.toString() : "Op[user function " + uf.getClass().getName() + "]";
    }
}
