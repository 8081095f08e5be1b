package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Scratch;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The bodies of {@link Request}'s calls on several requests ({@code MPI_Startall},
 * {@code MPI_Waitall}, {@code MPI_Testany}, ...): each is one native call on the handles
 * copied into per-thread scratch memory, after which the handles MPI changed are written
 * back and each completed request is told so, with its status. On a virtual thread the
 * waits poll the test forms (see {@link Polling}).
 */
final class Completions {
    /** Numbers the multi-completion calls (see {@link RequestState#checkedBy}). */
    private static final AtomicLong CALLS = new AtomicLong();

    private Completions() {
    }

    /** {@code MPI_Startall} of persistent requests, each checked startable first. */
    static void startAll(Request[] requests) {
        Objects.requireNonNull(requests, "requests");
        for (int i = 0; i < requests.length; i++) {
            element(requests, i).checkStartable();
        }
        MemorySegment hs = Scratch.handles(requests.length);
        for (int i = 0; i < requests.length; i++) {
            requests[i].begin();
            Abi.setHandle(hs, i, Abi.getHandle(requests[i].slot));
        }
        Errors.check(MpiCalls.MPI_Startall(requests.length, hs), "MPI_Startall");
        for (Request r : requests) {
            r.restarted();
        }
    }

    /** {@code MPI_Waitall}, filling {@code statuses} when not null. */
    static void waitAll(Request[] requests, Status[] statuses) {
        if (Polling.needed()) {
            for (int polls = 0; !testAll(requests, statuses); ) {
                Polling.pause(++polls);
            }
            return;
        }
        int n = checkAll(requests, statuses, true);
        MemorySegment hs = load(requests);
        if (MpiQuirks.WAITALL_SPINS_ON_FAILED && MpiState.level() == ThreadLevel.MULTIPLE) {
            waitAllBySome(requests, hs, statuses);
            return;
        }
        MemorySegment st = Scratch.statuses(n);
        int rc = MpiCalls.MPI_Waitall(n, hs, st);
        finish(requests, hs, st, rc, statuses, n, "MPI_Waitall");
    }

    /**
     * {@code MPI_Waitall} as {@code MPI_Waitsome} calls until every request has completed
     * (see {@link MpiQuirks#WAITALL_SPINS_ON_FAILED}); a failure is reported once all have,
     * as MPI_ERR_IN_STATUS naming the first request that failed.
     */
    private static void waitAllBySome(Request[] requests, MemorySegment hs, Status[] statuses) {
        MpiException failure = null;
        while (anyActive(requests)) {
            try {
                some(requests, hs, true, statuses, "MPI_Waitall");
            } catch (MpiException e) {
                if (e.errorClass() != MpiCalls.MPI_ERR_IN_STATUS()) {
                    throw e;
                }
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
        afterCompletion(requests);
    }

    private static boolean anyActive(Request[] requests) {
        for (Request r : requests) {
            if (r.active()) {
                return true;
            }
        }
        return false;
    }

    /** {@code MPI_Testall}: true, with all completed, or false, with none. */
    static boolean testAll(Request[] requests, Status[] statuses) {
        int n = checkAll(requests, statuses, true);
        MemorySegment hs = load(requests);
        MemorySegment st = Scratch.statuses(n);
        MemorySegment flag = Scratch.words();
        int rc = MpiCalls.MPI_Testall(n, hs, flag, st);
        if (rc == 0 && flag.get(JAVA_INT, 0) == 0) {
            return false;
        }
        finish(requests, hs, st, rc, statuses, n, "MPI_Testall");
        return true;
    }

    /** {@code MPI_Waitany} ({@code block}) or {@code MPI_Testany}: the completed index, or -1. */
    static int any(Request[] requests, boolean block) {
        return any(requests, block, null);
    }

    /** {@link #any(Request[], boolean)}, filling {@code status} (when not null) for the request completed. */
    static int any(Request[] requests, boolean block, Status status) {
        if (block && Polling.needed()) {
            int index;
            for (int polls = 0; (index = any(requests, false, status)) < 0; ) {
                Polling.pause(++polls);
            }
            return index;
        }
        int n = checkAll(requests, null, false);
        MemorySegment hs = load(requests);
        MemorySegment st = Scratch.statuses(1);
        MemorySegment out = Scratch.words();
        int rc = block ? MpiCalls.MPI_Waitany(n, hs, out, st) : MpiCalls.MPI_Testany(n, hs, out, out.asSlice(4), st);
        String call = block ? "MPI_Waitany" : "MPI_Testany";
        int index = out.get(JAVA_INT, 0);
        Request done = null;
        if (index >= 0 && index != MpiCalls.MPI_UNDEFINED()) {
            done = requests[index];
            Abi.setHandle(done.slot, 0, Abi.getHandle(hs, index));
            done.completed(st, 0, rc == 0);
            if (status != null) {
                MemorySegment.copy(st, 0, status.segment(), 0, Scratch.STATUS_BYTES);
            }
        } else {
            index = -1;
        }
        if (rc != 0) {
            throw done != null ? done.failure(rc, call, st, 0) : Errors.exception(rc, call);
        }
        if (done != null) {
            done.afterCompletion();
        }
        return index;
    }

    /** {@code MPI_Waitsome} ({@code block}) or {@code MPI_Testsome}: the indices completed. */
    static int[] some(Request[] requests, boolean block) {
        return some(requests, block, null);
    }

    /** {@link #some(Request[], boolean)}, filling {@code statuses[i]} (when given) for each request i completed. */
    static int[] some(Request[] requests, boolean block, Status[] statuses) {
        if (block && Polling.needed()) {
            int[] done;
            for (int polls = 0; (done = some(requests, false, statuses)).length == 0; ) {
                Polling.pause(++polls);
            }
            return done;
        }
        checkAll(requests, statuses, false);
        int done = some(requests, load(requests), block, statuses, block ? "MPI_Waitsome" : "MPI_Testsome");
        int[] indices = Scratch.ints(done).asSlice(0, done * 4L).toArray(JAVA_INT);
        for (int i : indices) {
            requests[i].afterCompletion();
        }
        return indices;
    }

    /**
     * One {@code MPI_Waitsome} ({@code block}) or {@code MPI_Testsome} over the handles
     * {@code hs} of {@code requests}: completes those that completed, filling
     * {@code statuses[i]} when given, and returns how many, their indices left in this
     * thread's {@link Scratch#ints}; a failure is thrown naming {@code call}, after the
     * completed requests were recorded.
     */
    private static int some(Request[] requests, MemorySegment hs, boolean block, Status[] statuses, String call) {
        int n = requests.length;
        MemorySegment st = Scratch.statuses(n);
        MemorySegment idx = Scratch.ints(n);
        MemorySegment out = Scratch.words();
        int rc = block ? MpiCalls.MPI_Waitsome(n, hs, out, idx, st) : MpiCalls.MPI_Testsome(n, hs, out, idx, st);
        int done = out.get(JAVA_INT, 0);
        done = done == MpiCalls.MPI_UNDEFINED() || done < 0 ? 0 : done;
        boolean inStatus = rc == MpiCalls.MPI_ERR_IN_STATUS();
        int failed = -1;
        for (int k = 0; k < done; k++) {
            int i = idx.getAtIndex(JAVA_INT, k);
            // statuses come compacted, in the order of the indices
            long at = k * Scratch.STATUS_BYTES;
            boolean ok = rc == 0 || inStatus && Abi.statusError(st, at) == 0;
            failed = failed < 0 && !ok ? k : failed;
            Abi.setHandle(requests[i].slot, 0, Abi.getHandle(hs, i));
            requests[i].completed(st, at, ok);
            if (statuses != null && statuses[i] != null) {
                MemorySegment.copy(st, at, statuses[i].segment(), 0, Scratch.STATUS_BYTES);
            }
        }
        if (rc != 0) {
            int i = failed >= 0 ? idx.getAtIndex(JAVA_INT, failed) : -1;
            throw inStatus && failed >= 0 ? inStatus(rc, call, requests[i], i, st, failed * Scratch.STATUS_BYTES)
                    : Errors.exception(rc, call);
        }
        return done;
    }

    /** Checks the array; returns its length. All must be active when {@code all}, else at least one. */
    private static int checkAll(Request[] requests, Status[] statuses, boolean all) {
        MpiState.checkCall();
        Objects.requireNonNull(requests, "requests");
        if (statuses != null && statuses.length != requests.length) {
            throw new IllegalArgumentException("statuses: length " + statuses.length
                    + " differs from the " + requests.length + " requests");
        }
        boolean anyActive = false;
        long call = CALLS.incrementAndGet();
        for (int i = 0; i < requests.length; i++) {
            Request r = element(requests, i);
            if (r.checkedBy == call) {
                throw new IllegalArgumentException("requests[" + i + "]: the same request as requests["
                        + Arrays.asList(requests).indexOf(r) + "]");
            }
            r.checkedBy = call;
            if (r.boundToFuture()) {
                throw new IllegalStateException("requests[" + i + "]: bound to a future; complete it through the future");
            }
            if (r.active()) {
                r.checkBuffers();
                anyActive = true;
            } else if (all) {
                throw new IllegalStateException("requests[" + i + "]: not active (never started or already completed)");
            }
        }
        if (!all && !anyActive) {
            throw new IllegalArgumentException("requests: none is active");
        }
        return requests.length;
    }

    /** {@code requests[i]}, not null; the message is built only when it is. */
    private static Request element(Request[] requests, int i) {
        Request r = requests[i];
        if (r == null) {
            throw new NullPointerException("requests[" + i + "]");
        }
        return r;
    }

    /** Copies the handles of the active requests (REQUEST_NULL for the rest) into scratch. */
    private static MemorySegment load(Request[] requests) {
        MemorySegment hs = Scratch.handles(requests.length);
        for (int i = 0; i < requests.length; i++) {
            Request r = requests[i];
            Abi.setHandle(hs, i, r.active() ? Abi.getHandle(r.slot) : Handles.REQUEST_NULL);
        }
        return hs;
    }

    /**
     * After a call that completed every request (or failed with MPI_ERR_IN_STATUS, where
     * each status says which completed): writes handles back and updates the states.
     */
    private static void finish(Request[] requests, MemorySegment hs, MemorySegment st, int rc,
                               Status[] statuses, int n, String call) {
        boolean inStatus = rc == MpiCalls.MPI_ERR_IN_STATUS();
        int failed = -1;
        for (int i = 0; i < n; i++) {
            Request r = requests[i];
            if (!r.active()) {
                continue;
            }
            long at = i * Scratch.STATUS_BYTES;
            int error = inStatus ? Abi.statusError(st, at) : rc;
            if (inStatus && error == MpiCalls.MPI_ERR_PENDING()) {
                continue;
            }
            failed = failed < 0 && error != 0 ? i : failed;
            Abi.setHandle(r.slot, 0, Abi.getHandle(hs, i));
            r.completed(st, at, error == 0);
            if (statuses != null && statuses[i] != null) {
                MemorySegment.copy(st, at, statuses[i].segment(), 0, Scratch.STATUS_BYTES);
            }
        }
        if (rc != 0) {
            throw inStatus && failed >= 0
                    ? inStatus(rc, call, requests[failed], failed, st, failed * Scratch.STATUS_BYTES)
                    : Errors.exception(rc, call);
        }
        afterCompletion(requests);
    }

    /** Runs each request's after-completion step (a failed user reduction is rethrown here). */
    private static void afterCompletion(Request[] requests) {
        for (Request r : requests) {
            r.afterCompletion();
        }
    }

    /**
     * The exception for MPI_ERR_IN_STATUS: names {@code requests[index]}, the first that
     * failed, with its own error (and, for a truncated receive, the sizes).
     */
    private static MpiException inStatus(int rc, String call, Request r, int index, MemorySegment st, long at) {
        int code = Abi.statusError(st, at);
        String detail = r.detail(code, st, at);
        return Errors.exception(rc, call, "requests[" + index + "] failed: " + Errors.text(code)
                + (detail == null ? "" : "; " + detail));
    }
}
