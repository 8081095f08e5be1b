package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.ucs.UcsStatus;
import org.jmpi.bindings.ucx.ucp_h;

/** Status checks and request polling shared by the DSM classes. Not public API. */
final class Ucx {
    static final byte OK = (byte) ucp_h.UCS_OK();
    static final byte INPROGRESS = (byte) ucp_h.UCS_INPROGRESS();

    private Ucx() {
    }

    /** Throws a {@link UcxException} unless {@code status} is UCS_OK. */
    static void check(byte status, String call) {
        if (status != OK) {
            throw new UcxException(call, status);
        }
    }

    /** {@code ucp_dt_make_contig(size)}. */
    static long contig(long size) {
        return (size << ucp_h.UCP_DATATYPE_SHIFT()) | ucp_h.UCP_DATATYPE_CONTIG();
    }

    /**
     * Finishes the result of an {@code _nbx} call: NULL is done, an error pointer throws,
     * a request is progressed until complete, freed, and its status checked.
     */
    static void await(MemorySegment worker, MemorySegment ptr, String call) {
        if (ptr.address() == 0) {
            return;
        }
        if (UcsStatus.isErr(ptr)) {
            throw new UcxException(call, (byte) ptr.address());
        }
        byte st;
        int spins = 0;
        while ((st = ucp_h.ucp_request_check_status(ptr)) == INPROGRESS) {
            if (ucp_h.ucp_worker_progress(worker) == 0) {
                backoff(++spins);
            }
        }
        ucp_h.ucp_request_free(ptr);
        check(st, call);
    }

    /** Spins a little, then yields: ranks are often oversubscribed. */
    static void backoff(int spins) {
        if (spins % 64 == 0) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }
}
