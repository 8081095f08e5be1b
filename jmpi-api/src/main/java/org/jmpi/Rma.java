package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The shared bodies of the one-sided calls: every argument checked, then one native
 * call, then the buffers held until the synchronization that completes the call (or by
 * the request of a request-based call). The segment forms and the message forms (an
 * array or a {@link Buf}) end in the same body; arrays reach MPI as native copies
 * ({@link RmaBuffers}).
 */
final class Rma {
    static final int PUT = 0;
    static final int GET = 1;
    static final int ACCUMULATE = 2;
    private static final String[] NAMES = {"MPI_Put", "MPI_Get", "MPI_Accumulate"};
    private static final String[] REQUEST_NAMES = {"MPI_Rput", "MPI_Rget", "MPI_Raccumulate"};
    private static final String[] CALLS = {"rput", "rget", "raccumulate"};

    /** Datatypes compare-and-swap accepts: C integer, logical, byte and multi-language types. */
    private static final Datatype[] SWAPPABLE = {
        Datatype.SIGNED_CHAR, Datatype.UNSIGNED_CHAR, Datatype.SHORT, Datatype.UNSIGNED_SHORT, Datatype.INT,
        Datatype.UNSIGNED, Datatype.LONG, Datatype.UNSIGNED_LONG, Datatype.LONG_LONG, Datatype.UNSIGNED_LONG_LONG,
        Datatype.INT8, Datatype.INT16, Datatype.INT32, Datatype.INT64, Datatype.UINT8, Datatype.UINT16,
        Datatype.UINT32, Datatype.UINT64, Datatype.C_BOOL, Datatype.BYTE, Datatype.AINT, Datatype.OFFSET,
        Datatype.COUNT};

    private Rma() {
    }

    /**
     * Put, get or accumulate ({@code kind}) of a segment; {@code originCount < 0}: the whole
     * origin, {@code targetCount < 0} and {@code targetType == null}: as the origin. With a
     * request {@code r}, the request-based form, which needs a passive-target epoch.
     */
    static Request transfer(Win w, int kind, MemorySegment origin, int originCount, Datatype originType,
                            int target, long disp, int targetCount, Datatype targetType, Op op, Request r) {
        w.check();
        MemorySegment o = kind == GET ? Args.writable(origin, "origin") : Args.segment(origin, "origin");
        int on = count(o, originCount, originType, "origin", "originType");
        return transfer(w, kind, o, 0, on, originType, target, disp, targetCount, targetType, op, r);
    }

    /** {@link #transfer} of a message argument (an array or a {@link Buf}). */
    static Request transfer(Win w, int kind, Object origin, int target, long disp, int targetCount,
                            Datatype targetType, Op op, Request r) {
        w.check();
        Object base = kind == GET ? Msg.target(origin, "origin") : Msg.base(origin, "origin");
        return transfer(w, kind, base, Msg.offset(origin), Msg.count(origin, "origin"), Msg.type(origin, "origin"),
                target, disp, targetCount, targetType, op, r);
    }

    private static Request transfer(Win w, int kind, Object base, long at, int on, Datatype originType, int target,
                                    long disp, int targetCount, Datatype targetType, Op op, Request r) {
        Datatype tt = targetType == null ? originType : targetType;
        int tn = targetCount < 0 ? on : targetCount;
        w.targets.check(target, disp, tn, tt);
        WinTargets.checkAttached(w, w.rank, target, disp, tn, tt);
        sameData(on, originType, "origin", tn, tt);
        MemorySegment oph = kind == ACCUMULATE ? accumulateOp(op, false) : null;
        if (kind == ACCUMULATE) {
            OpTypes.check(op, tt, "targetType");
        }
        if (r != null) {
            w.epochs.checkPassive(target, CALLS[kind]);
        }
        MemorySegment ot = originType.handle();
        MemorySegment th = tt.handle();
        MemorySegment s = r == null ? null : r.slot;
        RmaBuffers buffers = new RmaBuffers(r);
        MemorySegment o = buffers.add(base, at, Buffers.span(on, originType), kind == GET, originType);
        int rc = switch (kind) {
            case PUT -> r == null ? MpiCalls.MPI_Put(o, on, ot, target, disp, tn, th, w.handle)
                    : MpiCalls.MPI_Rput(o, on, ot, target, disp, tn, th, w.handle, s);
            case GET -> r == null ? MpiCalls.MPI_Get(o, on, ot, target, disp, tn, th, w.handle)
                    : MpiCalls.MPI_Rget(o, on, ot, target, disp, tn, th, w.handle, s);
            default -> r == null ? MpiCalls.MPI_Accumulate(o, on, ot, target, disp, tn, th, oph, w.handle)
                    : MpiCalls.MPI_Raccumulate(o, on, ot, target, disp, tn, th, oph, w.handle, s);
        };
        return started(w, target, buffers, rc, r == null ? NAMES[kind] : REQUEST_NAMES[kind]);
    }

    /**
     * Get-accumulate of segments; {@code origin} may be null with {@link Op#NO_OP} (a pure
     * atomic read). Negative counts: whole segments; the target takes the result's count
     * and type when not given.
     */
    static Request getAccumulate(Win w, MemorySegment origin, int originCount, Datatype originType,
                                 MemorySegment result, int resultCount, Datatype resultType,
                                 int target, long disp, int targetCount, Datatype targetType, Op op, Request r) {
        w.check();
        accumulateOp(op, true);
        MemorySegment res = Args.writable(result, "result");
        int rn = count(res, resultCount, resultType, "result", "resultType");
        MemorySegment o = null;
        Datatype ot = originType == null ? resultType : originType;
        int on = 0;
        if (origin != null || op != Op.NO_OP) {
            o = Args.segment(origin, "origin");
            on = count(o, originCount, ot, "origin", "originType");
        }
        return getAccumulate(w, o, 0, on, ot, res, 0, rn, resultType, target, disp, targetCount, targetType, op, r);
    }

    /** {@link #getAccumulate} of message arguments (arrays or {@link Buf}s); {@code origin} may be null with NO_OP. */
    static Request getAccumulate(Win w, Object origin, Object result, int target, long disp, int targetCount,
                                 Datatype targetType, Op op, Request r) {
        w.check();
        accumulateOp(op, true);
        Object res = Msg.target(result, "result");
        Datatype rt = Msg.type(result, "result");
        Object o = origin == null && op == Op.NO_OP ? null : Msg.base(origin, "origin");
        return getAccumulate(w, o, Msg.offset(origin), o == null ? 0 : Msg.count(origin, "origin"),
                o == null ? rt : Msg.type(origin, "origin"), res, Msg.offset(result), Msg.count(result, "result"), rt,
                target, disp, targetCount, targetType, op, r);
    }

    private static Request getAccumulate(Win w, Object origin, long oat, int on, Datatype ot, Object result, long rat,
                                         int rn, Datatype resultType, int target, long disp, int targetCount,
                                         Datatype targetType, Op op, Request r) {
        MemorySegment oph = accumulateOp(op, true);
        Datatype tt = targetType == null ? resultType : targetType;
        OpTypes.check(op, tt, "targetType");
        int tn = targetCount < 0 ? rn : targetCount;
        w.targets.check(target, disp, tn, tt);
        WinTargets.checkAttached(w, w.rank, target, disp, tn, tt);
        sameData(rn, resultType, "result", tn, tt);
        if (origin != null && op != Op.NO_OP) {
            sameData(on, ot, "origin", tn, tt);
        }
        if (r != null) {
            w.epochs.checkPassive(target, "rgetAccumulate");
        }
        MemorySegment oh = ot.handle();
        MemorySegment rh = resultType.handle();
        MemorySegment th = tt.handle();
        RmaBuffers buffers = new RmaBuffers(r);
        MemorySegment o = origin == null ? MemorySegment.NULL
                : buffers.add(origin, oat, Buffers.span(on, ot), false, ot);
        MemorySegment res = buffers.add(result, rat, Buffers.span(rn, resultType), true, resultType);
        int rc = r == null
                ? MpiCalls.MPI_Get_accumulate(o, on, oh, res, rn, rh, target, disp, tn, th, oph, w.handle)
                : MpiCalls.MPI_Rget_accumulate(o, on, oh, res, rn, rh, target, disp, tn, th, oph, w.handle, r.slot);
        return started(w, target, buffers, rc, r == null ? "MPI_Get_accumulate" : "MPI_Rget_accumulate");
    }

    /**
     * Fetch-and-op of one element ({@code compare == null}) or compare-and-swap on segments:
     * origin (ignored, and may be null, with {@link Op#NO_OP}), compare and result each hold
     * at least one element of {@code type}, a predefined type. {@code compare} is null for
     * fetch-and-op.
     */
    static void atomic(Win w, MemorySegment origin, MemorySegment compare, MemorySegment result, Datatype type,
                       int target, long disp, Op op) {
        w.check();
        Objects.requireNonNull(type, "type");
        boolean swap = op == null;
        MemorySegment o = origin == null && op == Op.NO_OP ? null : one(origin, false, type, "origin");
        MemorySegment c = swap ? one(compare, false, type, "compare") : null;
        MemorySegment res = one(result, true, type, "result");
        atomic(w, o, 0, c, 0, res, 0, type, target, disp, op);
    }

    /**
     * {@link #atomic} of message arguments (arrays or {@link Buf}s), each of at least one
     * element, all of the result's datatype.
     */
    static void atomic(Win w, Object origin, Object compare, Object result, int target, long disp, Op op) {
        w.check();
        if (origin instanceof ValueLayout l) {
            throw new IllegalArgumentException("value: must be a " + l.carrier() + " to go with layout " + l
                    + " (a value of another Java type selects the buffer form of the call)");
        }
        boolean swap = op == null;
        Object res = one(result, true, null, "result");
        Datatype type = Msg.type(result, "result");
        Object o = origin == null && op == Op.NO_OP ? null : one(origin, false, type, "origin");
        Object c = swap ? one(compare, false, type, "compare") : null;
        atomic(w, o, Msg.offset(origin), c, Msg.offset(compare), res, Msg.offset(result), type, target, disp, op);
    }

    private static void atomic(Win w, Object origin, long oat, Object compare, long cat, Object result, long rat,
                               Datatype type, int target, long disp, Op op) {
        boolean swap = op == null;
        MemorySegment oph = swap ? null : accumulateOp(op, true);
        checkAtomicType(type, swap);
        if (!swap) {
            OpTypes.check(op, type, "type");
        }
        w.targets.check(target, disp, 1, type);
        WinTargets.checkAttached(w, w.rank, target, disp, 1, type);
        MemorySegment th = type.handle();
        if (swap && w.casRefusal != null) {
            throw new UnsupportedOperationException(w.casRefusal);
        }
        long span = Buffers.span(1, type);
        RmaBuffers buffers = new RmaBuffers(null);
        MemorySegment o = origin == null ? MemorySegment.NULL : buffers.add(origin, oat, span, false, type);
        MemorySegment c = swap ? buffers.add(compare, cat, span, false, type) : null;
        MemorySegment res = buffers.add(result, rat, span, true, type);
        int rc = swap ? MpiCalls.MPI_Compare_and_swap(o, c, res, th, target, disp, w.handle)
                : MpiCalls.MPI_Fetch_and_op(o, res, th, target, disp, oph, w.handle);
        started(w, target, buffers, rc, swap ? "MPI_Compare_and_swap" : "MPI_Fetch_and_op");
    }

    /**
     * A single-value atomic on this thread's window scratch (origin at byte 0, compare at 8,
     * result at 16) completed at once by {@code MPI_Win_flush}; returns the scratch from
     * the result on. The type's width decides which bytes of {@code origin} and
     * {@code compare} are used: the low 32 bits for a 4-byte type; doubles come as their
     * raw bits. Needs a passive-target epoch on {@code target}; {@code op == null} is
     * compare-and-swap.
     */
    static MemorySegment atomicValue(Win w, Datatype type, int target, long disp, Op op, long origin, long compare,
                                     String call) {
        w.check();
        if (target == Args.PROC_NULL) {
            throw new IllegalArgumentException("targetRank: PROC_NULL has no value for " + call + " to return");
        }
        Args.dest(target, w.size, "targetRank");
        w.epochs.checkPassive(target, call);
        MemorySegment s = w.scratch();
        long n = type.size();
        if (n == Integer.BYTES) {
            s.set(JAVA_INT, 0, (int) origin);
            s.set(JAVA_INT, 8, (int) compare);
        } else {
            s.set(JAVA_LONG, 0, origin);
            s.set(JAVA_LONG, 8, compare);
        }
        atomic(w, s.asSlice(0, n), op == null ? s.asSlice(8, n) : null, s.asSlice(16, n), type, target, disp, op);
        Errors.check(MpiCalls.MPI_Win_flush(target, w.handle), "MPI_Win_flush");
        w.holds.release(target);
        return s.asSlice(16);
    }

    /** Checks {@code rc} of {@code call}, freeing the buffers' copies on failure, and completes as {@link RmaBuffers#started}. */
    private static Request started(Win w, int target, RmaBuffers buffers, int rc, String call) {
        if (rc != 0) {
            buffers.failed();
            Errors.check(rc, call);
        }
        return buffers.started(w, target);
    }

    // ---------------------------------------------------------------- checks

    /** The predefined datatype of a value atomic's layout, in native byte order. */
    static Datatype valueType(ValueLayout type) {
        Objects.requireNonNull(type, "type");
        if (type.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("type: " + type + " has byte order " + type.order()
                    + "; MPI's values are in native order");
        }
        return LayoutTypes.predefined(type, "type");
    }

    /** An explicit target datatype, not null (inside, null stands for "as the origin or result"). */
    static Datatype explicit(Datatype targetType) {
        return Objects.requireNonNull(targetType, "targetType");
    }

    private static int count(MemorySegment seg, int count, Datatype type, String arg, String typeArg) {
        Objects.requireNonNull(type, typeArg);
        if (count < 0) {
            return Buffers.countOf(seg, type, arg);
        }
        Buffers.fits(seg, count, type, arg);
        return count;
    }

    /** A segment holding at least one element of {@code type}, writable for a result. */
    private static MemorySegment one(MemorySegment seg, boolean result, Datatype type, String arg) {
        MemorySegment s = result ? Args.writable(seg, arg) : Args.segment(seg, arg);
        Buffers.fits(s, 1, type, arg);
        return s;
    }

    /**
     * The base of a message argument of at least one element, writable for a result, of
     * datatype {@code type} (any when null): the atomics take one element of one datatype.
     */
    private static Object one(Object buf, boolean result, Datatype type, String arg) {
        Object base = result ? Msg.target(buf, arg) : Msg.base(buf, arg);
        if (Msg.count(buf, arg) < 1) {
            throw new IllegalArgumentException(arg + ": holds no element; an atomic takes one");
        }
        Datatype t = Msg.type(buf, arg);
        if (type != null && t != type) {
            throw new IllegalArgumentException(arg + ": its datatype " + t + " is not the result's " + type
                    + "; an atomic takes one datatype for all its buffers");
        }
        return base;
    }

    /** The target must receive exactly the bytes of data the origin (or result) carries. */
    private static void sameData(int n, Datatype type, String arg, int tn, Datatype tt) {
        long bytes = n * type.size();
        long targetBytes = tn * tt.size();
        if (bytes != targetBytes) {
            throw new IllegalArgumentException("targetCount: " + tn + " x " + tt + " hold " + targetBytes
                    + " bytes of data but the " + arg + "'s " + n + " x " + type + " hold " + bytes);
        }
    }

    /** The op's handle, checked usable for one-sided accumulation ({@code fetching}: NO_OP allowed too). */
    private static MemorySegment accumulateOp(Op op, boolean fetching) {
        MemorySegment h = Objects.requireNonNull(op, "op").handle();
        if (!op.isPredefined()) {
            throw new IllegalArgumentException("op: " + op + " is user-defined; one-sided accumulation takes only"
                    + " predefined ops (REPLACE and NO_OP included)");
        }
        if (!fetching && op == Op.NO_OP) {
            throw new IllegalArgumentException("op: MPI_NO_OP only goes with getAccumulate and fetchAndOp");
        }
        return h;
    }

    private static void checkAtomicType(Datatype type, boolean swap) {
        type.handle();
        if (!type.isPredefined()) {
            throw new IllegalArgumentException("type: " + type + " is derived; "
                    + (swap ? "compareAndSwap" : "fetchAndOp") + " takes one element of a predefined type");
        }
        if (swap) {
            for (Datatype t : SWAPPABLE) {
                if (t == type) {
                    return;
                }
            }
            throw new IllegalArgumentException("type: compareAndSwap takes an integer, logical or byte type, not "
                    + type);
        }
    }
}
