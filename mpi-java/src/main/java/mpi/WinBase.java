package mpi;

import java.nio.Buffer;

/**
 * What every {@link Win} holds (the jmpi window and the error handler set on it), the
 * plumbing of its calls, and its data movement: put, get, accumulate, get-accumulate, the
 * request forms of the two accumulations, fetch-and-op and compare-and-swap.
 * Synchronization, creation, attributes, {@code rPut} and {@code rGet} (final in the API)
 * and the rest are in {@link Win}.
 */
abstract class WinBase {
    /** The jmpi window; null once freed. */
    volatile org.jmpi.Win win;
    /** The handler set on the window; null for the default, {@link MPI#ERRORS_ARE_FATAL}. */
    volatile Errhandler errhandler;

    WinBase() {
    }

    /** A call on the jmpi window. */
    interface Body<T> {
        T run(org.jmpi.Win w);
    }

    /** A call without result on the jmpi window. */
    interface VoidBody {
        void run(org.jmpi.Win w);
    }

    /** Runs {@code body} on the live window; failures raise the window's error handler. */
    <T> T call(String name, Body<T> body) throws MPIException {
        Lifecycle.check();
        org.jmpi.Win w = win;
        try {
            if (w == null) {
                throw Failure.arg(MPI.ERR_WIN, "win: the window has been freed");
            }
            return body.run(w);
        } catch (RuntimeException e) {
            throw Failure.raise(handler(), WinSupport.classify(e), name);
        }
    }

    /** Runs {@code body} on the live window, as {@link #call}. */
    void run(String name, VoidBody body) throws MPIException {
        call(name, w -> {
            body.run(w);
            return null;
        });
    }

    /** The handler in force: the one set, else {@link MPI#ERRORS_ARE_FATAL}. */
    Errhandler handler() {
        Errhandler e = errhandler;
        return e == null ? MPI.ERRORS_ARE_FATAL : e;
    }

    /** A request of this window, keeping its buffers reachable. */
    Request request(org.jmpi.Request r, Buffer send, Buffer recv) {
        Request q = new Request(r, handler());
        q.addSendBufRef(send);
        q.addRecvBufRef(recv);
        return q;
    }

    /**
     * Writes {@code orgCount} elements of {@code orgType} from {@code origin} into the
     * window of {@code targetRank} ({@code MPI_Put}).
     *
     * @param origin      the data, a direct buffer
     * @param orgCount    number of origin elements
     * @param orgType     datatype of the origin elements
     * @param targetRank  rank of the target in the window's group
     * @param targetDisp  displacement at the target, in its displacement units
     * @param targetCount number of target elements
     * @param targetType  datatype of the target elements
     * @throws MPIException if an argument is wrong, there is no epoch, or MPI fails
     */
    public void put(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp, int targetCount,
                    Datatype targetType) throws MPIException {
        WinCalls.transfer(this, WinCalls.PUT, origin, orgCount, orgType, targetRank, targetDisp, targetCount,
                targetType, null, false);
    }

    /**
     * Reads {@code targetCount} elements of {@code targetType} from the window of
     * {@code targetRank} into {@code origin} ({@code MPI_Get}).
     *
     * @param origin      where the data go, a direct buffer
     * @param orgCount    number of origin elements
     * @param orgType     datatype of the origin elements
     * @param targetRank  rank of the target in the window's group
     * @param targetDisp  displacement at the target, in its displacement units
     * @param targetCount number of target elements
     * @param targetType  datatype of the target elements
     * @throws MPIException if an argument is wrong, there is no epoch, or MPI fails
     */
    public void get(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp, int targetCount,
                    Datatype targetType) throws MPIException {
        WinCalls.transfer(this, WinCalls.GET, origin, orgCount, orgType, targetRank, targetDisp, targetCount,
                targetType, null, false);
    }

    /**
     * Combines {@code origin} into the window of {@code targetRank} with {@code op}, a
     * predefined operation ({@code MPI_Accumulate}).
     *
     * @param origin      the data, a direct buffer
     * @param orgCount    number of origin elements
     * @param orgType     datatype of the origin elements
     * @param targetRank  rank of the target in the window's group
     * @param targetDisp  displacement at the target, in its displacement units
     * @param targetCount number of target elements
     * @param targetType  datatype of the target elements
     * @param op          a predefined operation, or {@link MPI#REPLACE}
     * @throws MPIException if an argument is wrong, there is no epoch, or MPI fails
     */
    public void accumulate(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp,
                           int targetCount, Datatype targetType, Op op) throws MPIException {
        WinCalls.transfer(this, WinCalls.ACCUMULATE, origin, orgCount, orgType, targetRank, targetDisp, targetCount,
                targetType, op, false);
    }

    /**
     * {@link #accumulate} with a request ({@code MPI_Raccumulate}), inside a passive-target epoch.
     *
     * @param origin      the data, a direct buffer
     * @param orgCount    number of origin elements
     * @param orgType     datatype of the origin elements
     * @param targetRank  rank of the target
     * @param targetDisp  displacement at the target
     * @param targetCount number of target elements
     * @param targetType  datatype of the target elements
     * @param op          a predefined operation
     * @return the request
     * @throws MPIException if an argument is wrong, there is no passive epoch, or MPI fails
     */
    public Request rAccumulate(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp,
                               int targetCount, Datatype targetType, Op op) throws MPIException {
        return WinCalls.transfer(this, WinCalls.ACCUMULATE, origin, orgCount, orgType, targetRank, targetDisp,
                targetCount, targetType, op, true);
    }

    /**
     * Fetches the target elements into {@code resultAddr} and combines {@code origin} into
     * them with {@code op} ({@code MPI_Get_accumulate}); with {@link MPI#NO_OP} it only
     * fetches, and {@code origin} may be null.
     *
     * @param origin      the data, a direct buffer
     * @param orgCount    number of origin elements
     * @param orgType     datatype of the origin elements
     * @param resultAddr  where the former target data go, a direct buffer
     * @param resultCount number of result elements
     * @param resultType  datatype of the result elements
     * @param targetRank  rank of the target
     * @param targetDisp  displacement at the target
     * @param targetCount number of target elements
     * @param targetType  datatype of the target elements
     * @param op          a predefined operation, {@link MPI#REPLACE} or {@link MPI#NO_OP}
     * @throws MPIException if an argument is wrong, there is no epoch, or MPI fails
     */
    public void getAccumulate(Buffer origin, int orgCount, Datatype orgType, Buffer resultAddr, int resultCount,
                              Datatype resultType, int targetRank, int targetDisp, int targetCount,
                              Datatype targetType, Op op) throws MPIException {
        WinCalls.getAccumulate(this, origin, orgCount, orgType, resultAddr, resultCount, resultType, targetRank,
                targetDisp, targetCount, targetType, op, false);
    }

    /**
     * {@link #getAccumulate} with a request ({@code MPI_Rget_accumulate}), inside a
     * passive-target epoch; the request completes when the result has arrived.
     *
     * @param origin      the data, a direct buffer
     * @param orgCount    number of origin elements
     * @param orgType     datatype of the origin elements
     * @param resultAddr  where the former target data go, a direct buffer
     * @param resultCount number of result elements
     * @param resultType  datatype of the result elements
     * @param targetRank  rank of the target
     * @param targetDisp  displacement at the target
     * @param targetCount number of target elements
     * @param targetType  datatype of the target elements
     * @param op          a predefined operation, {@link MPI#REPLACE} or {@link MPI#NO_OP}
     * @return the request
     * @throws MPIException if an argument is wrong, there is no passive epoch, or MPI fails
     */
    public Request rGetAccumulate(Buffer origin, int orgCount, Datatype orgType, Buffer resultAddr, int resultCount,
                                  Datatype resultType, int targetRank, int targetDisp, int targetCount,
                                  Datatype targetType, Op op) throws MPIException {
        return WinCalls.getAccumulate(this, origin, orgCount, orgType, resultAddr, resultCount, resultType,
                targetRank, targetDisp, targetCount, targetType, op, true);
    }

    /**
     * Atomically replaces the target element with the one of {@code origin} if it equals
     * the one of {@code compareAddr}, fetching its former value into {@code resultAddr}
     * ({@code MPI_Compare_and_swap}).
     *
     * @param origin      the new value, a direct buffer
     * @param compareAddr the value to compare with, a direct buffer
     * @param resultAddr  where the former value goes, a direct buffer
     * @param targetType  a predefined integer, logical or byte datatype
     * @param targetRank  rank of the target
     * @param targetDisp  displacement at the target
     * @throws MPIException if an argument is wrong, there is no epoch, or MPI fails
     */
    public void compareAndSwap(Buffer origin, Buffer compareAddr, Buffer resultAddr, Datatype targetType,
                               int targetRank, int targetDisp) throws MPIException {
        WinCalls.atomic(this, origin, compareAddr, resultAddr, targetType, targetRank, targetDisp, null);
    }

    /**
     * Atomically fetches the target element into {@code resultAddr} and combines the one of
     * {@code origin} into it with {@code op} ({@code MPI_Fetch_and_op}); with
     * {@link MPI#NO_OP} {@code origin} may be null.
     *
     * @param origin     the operand, a direct buffer
     * @param resultAddr where the former value goes, a direct buffer
     * @param dataType   a predefined datatype
     * @param targetRank rank of the target
     * @param targetDisp displacement at the target
     * @param op         a predefined operation, {@link MPI#REPLACE} or {@link MPI#NO_OP}
     * @throws MPIException if an argument is wrong, there is no epoch, or MPI fails
     */
    public void fetchAndOp(Buffer origin, Buffer resultAddr, Datatype dataType, int targetRank, int targetDisp,
                           Op op) throws MPIException {
        WinCalls.atomic(this, origin, null, resultAddr, dataType, targetRank, targetDisp, op);
    }
}
