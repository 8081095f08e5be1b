package mpi;

import java.nio.Buffer;

import org.jmpi.Buf;

/**
 * The bodies of {@link Win}'s data movement: put, get and accumulate (with or without a
 * request), get-accumulate, and the atomics. Each checks that its buffers are direct and
 * that origin and target types come from one predefined type before anything else, then
 * runs on the jmpi window with the direct buffers' memory used in place.
 */
final class WinCalls {
    static final int PUT = 0;
    static final int GET = 1;
    static final int ACCUMULATE = 2;
    private static final String[] NAMES = {"MPI_Put", "MPI_Get", "MPI_Accumulate"};
    private static final String[] REQUEST_NAMES = {"MPI_Rput", "MPI_Rget", "MPI_Raccumulate"};

    private WinCalls() {
    }

    /**
     * Put, get or accumulate ({@code kind}); with {@code request}, the request-based form,
     * which returns its request (else null).
     */
    static Request transfer(WinBase win, int kind, Buffer origin, int orgCount, Datatype orgType, int targetRank,
                            int targetDisp, int targetCount, Datatype targetType, Op op, boolean request)
            throws MPIException {
        Buffers.requireDirect(origin, "origin");
        WinSupport.sameBase(orgType, targetType, "orgType");
        return win.call(request ? REQUEST_NAMES[kind] : NAMES[kind], w -> {
            Buf o = Buffers.direct(origin, orgCount, orgType, "origin");
            org.jmpi.Datatype tt = target(targetType);
            org.jmpi.Op jop = kind == ACCUMULATE ? op(op, targetType) : null;
            if (!request) {
                switch (kind) {
                    case PUT -> w.put(o, targetRank, targetDisp, targetCount, tt);
                    case GET -> w.get(o, targetRank, targetDisp, targetCount, tt);
                    default -> w.accumulate(o, targetRank, targetDisp, targetCount, tt, jop);
                }
                return null;
            }
            org.jmpi.Request r = switch (kind) {
                case PUT -> w.rput(o, targetRank, targetDisp, targetCount, tt);
                case GET -> w.rget(o, targetRank, targetDisp, targetCount, tt);
                default -> w.raccumulate(o, targetRank, targetDisp, targetCount, tt, jop);
            };
            return kind == GET ? win.request(r, null, origin) : win.request(r, origin, null);
        });
    }

    /** Get-accumulate; {@code origin} may be null with {@link MPI#NO_OP}. */
    static Request getAccumulate(WinBase win, Buffer origin, int orgCount, Datatype orgType, Buffer result,
                                 int resultCount, Datatype resultType, int targetRank, int targetDisp,
                                 int targetCount, Datatype targetType, Op op, boolean request) throws MPIException {
        boolean fetchOnly = origin == null && op == MPI.NO_OP;
        if (!fetchOnly) {
            Buffers.requireDirect(origin, "origin");
            WinSupport.sameBase(orgType, targetType, "orgType");
        }
        Buffers.requireDirect(result, "resultAddr");
        WinSupport.sameBase(resultType, targetType, "resultType");
        return win.call(request ? "MPI_Rget_accumulate" : "MPI_Get_accumulate", w -> {
            Buf o = fetchOnly ? null : Buffers.direct(origin, orgCount, orgType, "origin");
            Buf res = Buffers.direct(result, resultCount, resultType, "resultAddr");
            org.jmpi.Datatype tt = target(targetType);
            org.jmpi.Op jop = op(op, targetType);
            if (!request) {
                w.getAccumulate(o, res, targetRank, targetDisp, targetCount, tt, jop);
                return null;
            }
            return win.request(w.rgetAccumulate(o, res, targetRank, targetDisp, targetCount, tt, jop), origin,
                    result);
        });
    }

    /**
     * Compare-and-swap ({@code op == null}) or fetch-and-op of one element of {@code type};
     * fetch-and-op takes a null {@code origin} with {@link MPI#NO_OP}.
     */
    static void atomic(WinBase win, Buffer origin, Buffer compare, Buffer result, Datatype type, int targetRank,
                       int targetDisp, Op op) throws MPIException {
        boolean swap = op == null;
        boolean fetchOnly = !swap && origin == null && op == MPI.NO_OP;
        if (!fetchOnly) {
            Buffers.requireDirect(origin, "origin");
        }
        if (swap) {
            Buffers.requireDirect(compare, "compareAddr");
        }
        Buffers.requireDirect(result, "resultAddr");
        win.call(swap ? "MPI_Compare_and_swap" : "MPI_Fetch_and_op", w -> {
            Buf res = Buffers.direct(result, 1, type, "resultAddr");
            Buf o = fetchOnly ? null : Buffers.direct(origin, 1, type, "origin");
            if (swap) {
                w.compareAndSwap(o, Buffers.direct(compare, 1, type, "compareAddr"), res, targetRank, targetDisp);
            } else {
                w.fetchAndOp(o, res, targetRank, targetDisp, op(op, type));
            }
            return null;
        });
    }

    /** The jmpi group of {@code group} for a synchronization of {@code win}. */
    static org.jmpi.Group group(WinBase win, Group group, String call) throws MPIException {
        if (group == null) {
            throw Failure.raise(win.handler(), Failure.arg(MPI.ERR_GROUP, "group: null"), call);
        }
        return group.jmpi();
    }

    private static org.jmpi.Datatype target(Datatype targetType) {
        if (targetType == null) {
            throw Failure.arg(MPI.ERR_TYPE, "targetType: null");
        }
        return targetType.forBuffer();
    }

    private static org.jmpi.Op op(Op op, Datatype type) {
        if (op == null) {
            throw Failure.arg(MPI.ERR_OP, "op: null");
        }
        return op.forCall(type);
    }
}
