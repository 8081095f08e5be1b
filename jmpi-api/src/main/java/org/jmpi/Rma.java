package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The shared bodies of the one-sided calls: every argument checked, then one native
 * call, then the buffers held until the synchronization that completes the call (or by
 * the request of a request-based call).
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
     * Put, get or accumulate ({@code kind}); {@code originCount < 0}: the whole origin,
     * {@code targetCount < 0} and {@code targetType == null}: as the origin. With a request
     * {@code r}, the request-based form, which needs a passive-target epoch.
     */
    static Request transfer(Win w, int kind, MemorySegment origin, int originCount, Datatype originType,
                            int target, long disp, int targetCount, Datatype targetType, Op op, Request r) {
        w.check();
        MemorySegment o = kind == GET ? Args.writable(origin, "origin") : Args.segment(origin, "origin");
        int on = count(nativeOnly(o, "origin"), originCount, originType, "origin", "originType");
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
        int rc = switch (kind) {
            case PUT -> r == null ? MpiCalls.MPI_Put(o, on, ot, target, disp, tn, th, w.handle)
                    : MpiCalls.MPI_Rput(o, on, ot, target, disp, tn, th, w.handle, s);
            case GET -> r == null ? MpiCalls.MPI_Get(o, on, ot, target, disp, tn, th, w.handle)
                    : MpiCalls.MPI_Rget(o, on, ot, target, disp, tn, th, w.handle, s);
            default -> r == null ? MpiCalls.MPI_Accumulate(o, on, ot, target, disp, tn, th, oph, w.handle)
                    : MpiCalls.MPI_Raccumulate(o, on, ot, target, disp, tn, th, oph, w.handle, s);
        };
        Errors.check(rc, r == null ? NAMES[kind] : REQUEST_NAMES[kind]);
        return completedBy(w, target, r, o);
    }

    /**
     * Get-accumulate; {@code origin} may be null with {@link Op#NO_OP} (a pure atomic
     * read). Negative counts: whole segments; the target takes the result's count and type
     * when not given.
     */
    static Request getAccumulate(Win w, MemorySegment origin, int originCount, Datatype originType,
                                 MemorySegment result, int resultCount, Datatype resultType,
                                 int target, long disp, int targetCount, Datatype targetType, Op op, Request r) {
        w.check();
        MemorySegment oph = accumulateOp(op, true);
        MemorySegment res = nativeOnly(Args.writable(result, "result"), "result");
        int rn = count(res, resultCount, resultType, "result", "resultType");
        Datatype tt = targetType == null ? resultType : targetType;
        OpTypes.check(op, tt, "targetType");
        int tn = targetCount < 0 ? rn : targetCount;
        w.targets.check(target, disp, tn, tt);
        WinTargets.checkAttached(w, w.rank, target, disp, tn, tt);
        sameData(rn, resultType, "result", tn, tt);
        MemorySegment o = MemorySegment.NULL;
        Datatype ot = originType == null ? resultType : originType;
        int on = 0;
        if (origin != null || op != Op.NO_OP) {
            o = nativeOnly(Args.segment(origin, "origin"), "origin");
            on = count(o, originCount, ot, "origin", "originType");
            if (op != Op.NO_OP) {
                sameData(on, ot, "origin", tn, tt);
            }
        }
        if (r != null) {
            w.epochs.checkPassive(target, "rgetAccumulate");
        }
        MemorySegment oh = ot.handle();
        MemorySegment rh = resultType.handle();
        MemorySegment th = tt.handle();
        int rc = r == null
                ? MpiCalls.MPI_Get_accumulate(o, on, oh, res, rn, rh, target, disp, tn, th, oph, w.handle)
                : MpiCalls.MPI_Rget_accumulate(o, on, oh, res, rn, rh, target, disp, tn, th, oph, w.handle, r.slot);
        Errors.check(rc, r == null ? "MPI_Get_accumulate" : "MPI_Rget_accumulate");
        return completedBy(w, target, r, o, res);
    }

    /**
     * Fetch-and-op of one element ({@code compare == null}) or compare-and-swap: origin
     * (ignored, and may be null, with {@link Op#NO_OP}), compare and result each hold at
     * least one element of {@code type}, a predefined type. {@code compare} is null for
     * fetch-and-op.
     */
    static void atomic(Win w, MemorySegment origin, MemorySegment compare, MemorySegment result, Datatype type,
                       int target, long disp, Op op) {
        w.check();
        Objects.requireNonNull(type, "type");
        boolean swap = op == null;
        MemorySegment oph = swap ? null : accumulateOp(op, true);
        checkAtomicType(type, swap);
        if (!swap) {
            OpTypes.check(op, type, "type");
        }
        MemorySegment o = origin == null && op == Op.NO_OP ? MemorySegment.NULL : one(origin, false, type, "origin");
        MemorySegment c = swap ? one(compare, false, type, "compare") : null;
        MemorySegment res = one(result, true, type, "result");
        w.targets.check(target, disp, 1, type);
        WinTargets.checkAttached(w, w.rank, target, disp, 1, type);
        MemorySegment th = type.handle();
        if (swap && w.casRefusal != null) {
            throw new UnsupportedOperationException(w.casRefusal);
        }
        if (swap) {
            Errors.check(MpiCalls.MPI_Compare_and_swap(o, c, res, th, target, disp, w.handle), "MPI_Compare_and_swap");
        } else {
            Errors.check(MpiCalls.MPI_Fetch_and_op(o, res, th, target, disp, oph, w.handle), "MPI_Fetch_and_op");
        }
        completedBy(w, target, null, o, c, res);
    }

    /**
     * A single-value atomic on this thread's window scratch (origin at byte 0, compare at 8,
     * result at 16) completed at once by {@code MPI_Win_flush}; returns the scratch from
     * the result on. Values of 4-byte types are the low 32 bits of {@code origin} and
     * {@code compare}; doubles come as their raw bits. Needs a passive-target epoch on
     * {@code target}; {@code op == null} is compare-and-swap.
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

    // ---------------------------------------------------------------- checks

    /** Holds the buffers until a synchronization ({@code r == null}), or starts the request on them. */
    private static Request completedBy(Win w, int target, Request r, MemorySegment... buffers) {
        if (r != null) {
            return r.startedOneSided(buffers.length == 1 ? buffers[0] : buffers);
        }
        if (target != Args.PROC_NULL) {
            for (MemorySegment b : buffers) {
                if (b != null && b != MemorySegment.NULL) {
                    w.holds.hold(target, b);
                }
            }
        }
        return null;
    }

    private static int count(MemorySegment seg, int count, Datatype type, String arg, String typeArg) {
        Objects.requireNonNull(type, typeArg);
        if (count < 0) {
            return Buffers.countOf(seg, type, arg);
        }
        Buffers.fits(seg, count, type, arg);
        return count;
    }

    /** A native segment holding at least one element of {@code type}, writable for a result. */
    private static MemorySegment one(MemorySegment seg, boolean result, Datatype type, String arg) {
        nativeOnly(result ? Args.writable(seg, arg) : Args.segment(seg, arg), arg);
        Buffers.fits(seg, 1, type, arg);
        return seg;
    }

    /** Refuses heap segments: MPI may access an RMA buffer until a later synchronization. */
    static MemorySegment nativeOnly(MemorySegment seg, String arg) {
        if (!seg.isNative()) {
            throw new IllegalArgumentException(arg + ": a one-sided call needs a native segment: MPI may access it"
                    + " until the synchronization that completes the call, and a heap array may move before then"
                    + " (copy it to an Arena-allocated segment, or use the single-value atomics)");
        }
        return seg;
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
