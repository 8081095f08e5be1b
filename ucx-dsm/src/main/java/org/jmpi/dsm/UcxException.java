package org.jmpi.dsm;

import org.jmpi.bindings.ucs.UcsStatus;

/** A UCX call failed: carries UCX's status code and its text ({@code ucs_status_string}). */
public final class UcxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String call;

    /** An exception for {@code call} that returned {@code status}. */
    public UcxException(String call, int status) {
        super(call + ": " + UcsStatus.message((byte) status) + " (ucs_status_t " + status + ")");
        this.status = status;
        this.call = call;
    }

    /** The {@code ucs_status_t} the call returned (negative). */
    public int status() {
        return status;
    }

    /** The UCX function that failed. */
    public String call() {
        return call;
    }
}
