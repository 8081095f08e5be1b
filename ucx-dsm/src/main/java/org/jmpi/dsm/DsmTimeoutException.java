package org.jmpi.dsm;

/** A wait on a DSM word did not see its condition within the time allowed. */
public final class DsmTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with {@code message}. */
    public DsmTimeoutException(String message) {
        super(message);
    }
}
