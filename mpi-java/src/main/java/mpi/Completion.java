package mpi;

import java.util.Arrays;

/**
 * The completion calls of {@link Request}: they pass the active requests to jmpi, skip
 * null and inactive ones as MPI skips null handles, and turn one-shot requests that
 * completed into null requests.
 */
final class Completion {
    private Completion() {
    }

    /** {@code MPI_Wait}: the status, empty for a null or inactive request. */
    static Status waitOne(Request r) throws MPIException {
        return one(r, true);
    }

    /** {@code MPI_Test}: the status once complete (empty for a null or inactive request), else null. */
    static Status testOne(Request r) throws MPIException {
        return one(r, false);
    }

    private static Status one(Request r, boolean block) throws MPIException {
        Lifecycle.check();
        org.jmpi.Request j = r.jmpi();
        if (j == null || !j.isActive()) {
            return empty(-1);
        }
        org.jmpi.Status s = new org.jmpi.Status();
        try {
            if (block) {
                j.waitFor(s);
            } else if (!j.test(s)) {
                return null;
            }
        } catch (RuntimeException e) {
            r.completed();
            throw Failure.raise(r.errhandler(), e, block ? "MPI_Wait" : "MPI_Test");
        }
        r.completed();
        return new Status(s, -1);
    }

    /** {@code MPI_Request_get_status}: the status if complete, without completing the request. */
    static Status peek(Request r) throws MPIException {
        Lifecycle.check();
        org.jmpi.Request j = r.jmpi();
        if (j == null || !j.isActive()) {
            return empty(-1);
        }
        return RequestPeek.status(r, j);
    }

    /** {@code MPI_Waitany} or {@code MPI_Testany}; null when testing and none completed. */
    static Status any(Request[] requests, boolean block) throws MPIException {
        Lifecycle.check();
        int[] at = active(requests);
        if (at.length == 0) {
            return empty(MPI.UNDEFINED);
        }
        org.jmpi.Request[] js = jmpi(requests, at);
        org.jmpi.Status s = new org.jmpi.Status();
        int k;
        try {
            k = block ? org.jmpi.Request.waitAny(js, s) : org.jmpi.Request.testAny(js, s);
        } catch (RuntimeException e) {
            settle(requests, at);
            throw Failure.raise(requests[at[0]].errhandler(), e, block ? "MPI_Waitany" : "MPI_Testany");
        }
        if (k < 0) {
            return null;
        }
        requests[at[k]].completed();
        return new Status(s, at[k]);
    }

    /** {@code MPI_Waitall} or {@code MPI_Testall}; null when testing and not all completed. */
    static Status[] all(Request[] requests, boolean block) throws MPIException {
        return all(requests, block, true);
    }

    /**
     * {@link #all(Request[], boolean)}; without {@code statuses} it makes none and returns
     * an empty array once all completed ({@code MPI_STATUSES_IGNORE}).
     */
    static Status[] all(Request[] requests, boolean block, boolean statuses) throws MPIException {
        Lifecycle.check();
        int[] at = active(requests);
        org.jmpi.Request[] js = jmpi(requests, at);
        org.jmpi.Status[] st = statuses ? new org.jmpi.Status[at.length] : null;
        for (int k = 0; statuses && k < st.length; k++) {
            st[k] = new org.jmpi.Status();
        }
        if (at.length > 0) {
            try {
                if (block) {
                    org.jmpi.Request.waitAll(js, st);
                } else if (!org.jmpi.Request.testAll(js, st)) {
                    return null;
                }
            } catch (RuntimeException e) {
                settle(requests, at);
                throw Failure.raise(requests[at[0]].errhandler(), e, block ? "MPI_Waitall" : "MPI_Testall");
            }
        }
        Status[] out = new Status[statuses ? requests.length : 0];
        for (int i = 0; i < out.length; i++) {
            out[i] = empty(i);
        }
        for (int k = 0; k < at.length; k++) {
            requests[at[k]].completed();
            if (statuses) {
                out[at[k]] = new Status(st[k], at[k]);
            }
        }
        return out;
    }

    /** {@code MPI_Waitsome} or {@code MPI_Testsome}; null when no request is active. */
    static Status[] some(Request[] requests, boolean block) throws MPIException {
        Lifecycle.check();
        int[] at = active(requests);
        if (at.length == 0) {
            return null;
        }
        org.jmpi.Request[] js = jmpi(requests, at);
        org.jmpi.Status[] st = new org.jmpi.Status[at.length];
        for (int k = 0; k < st.length; k++) {
            st[k] = new org.jmpi.Status();
        }
        int[] done;
        try {
            done = block ? org.jmpi.Request.waitSome(js, st) : org.jmpi.Request.testSome(js, st);
        } catch (RuntimeException e) {
            settle(requests, at);
            throw Failure.raise(requests[at[0]].errhandler(), e, block ? "MPI_Waitsome" : "MPI_Testsome");
        }
        Status[] out = new Status[done.length];
        for (int d = 0; d < done.length; d++) {
            int k = done[d];
            requests[at[k]].completed();
            out[d] = new Status(st[k], at[k]);
        }
        return out;
    }

    /** The indices of statuses, or null for null. */
    static int[] indices(Status[] statuses) {
        return statuses == null ? null : Arrays.stream(statuses).mapToInt(Status::getIndex).toArray();
    }

    /** An empty status: any source, any tag, no error, nothing received. */
    static Status empty(int index) {
        Status s = new Status(new org.jmpi.Status(), index);
        s.source = MPI.ANY_SOURCE;
        s.tag = MPI.ANY_TAG;
        return s;
    }

    /** The positions of the active requests. */
    private static int[] active(Request[] requests) throws MPIException {
        if (requests == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_REQUEST, "requests: null"),
                    "completion");
        }
        int n = 0;
        int[] at = new int[requests.length];
        for (int i = 0; i < requests.length; i++) {
            if (requests[i] != null && requests[i].active()) {
                at[n++] = i;
            }
        }
        return n == at.length ? at : java.util.Arrays.copyOf(at, n);
    }

    private static org.jmpi.Request[] jmpi(Request[] requests, int[] at) {
        org.jmpi.Request[] js = new org.jmpi.Request[at.length];
        for (int k = 0; k < at.length; k++) {
            js[k] = requests[at[k]].jmpi();
        }
        return js;
    }

    /** After a failed multiple completion: requests jmpi completed become null. */
    private static void settle(Request[] requests, int[] at) {
        for (int i : at) {
            if (!requests[i].active()) {
                requests[i].completed();
            }
        }
    }
}
