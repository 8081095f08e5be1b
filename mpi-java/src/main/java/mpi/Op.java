package mpi;

import java.nio.*;

/** TODO. */
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

    /** The jmpi operation; null once freed. */
    private org.jmpi.Op op;
    private final boolean commute;

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
        if (op == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_OP, "op: freed"), "op");
        }
        if (uf != null && type != null) {
            setDatatype(type);
        }
        return op;
    }

    public Op(UserFunction function, boolean commute) {
        throw new UnsupportedOperationException("not yet");
    }

    protected void setDatatype(Datatype t) {
        throw new UnsupportedOperationException("not yet");
    }

    protected void call(Object invec, Object inoutvec, int count) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isCommutative() {
        throw new UnsupportedOperationException("not yet");
    }

    public void free() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean isNull() {
        throw new UnsupportedOperationException("not yet");
    }

}
