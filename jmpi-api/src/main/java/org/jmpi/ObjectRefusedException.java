package org.jmpi;

import java.io.InvalidClassException;
import java.io.UncheckedIOException;

/**
 * An object message that the receiver's {@link SerialFilter} refused: a class not on the
 * allow-list or a limit exceeded. Nothing of the refused class was initialised or
 * instantiated. The message has been received (it no longer waits in MPI's queue), so the
 * communicator stays usable. The cause is the {@link InvalidClassException} that stopped
 * the stream.
 */
public final class ObjectRefusedException extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final int sourceRank;
    private final String reason;

    ObjectRefusedException(String call, int sourceRank, SerialFilter.Refusal refusal) {
        super(call + ": refused " + (refusal.classname == null ? "a message" : refusal.classname)
                + " from rank " + sourceRank + ": " + refusal.reason, refusal);
        this.className = refusal.classname;
        this.sourceRank = sourceRank;
        this.reason = refusal.reason;
    }

    /** The refused class's name; null when the message broke a limit without naming one. */
    public String className() {
        return className;
    }

    /** The rank that sent the message, in the communicator (for an intercommunicator, the remote group). */
    public int sourceRank() {
        return sourceRank;
    }

    /** Why the message was refused. */
    public String reason() {
        return reason;
    }

    @Override
    public InvalidClassException getCause() {
        return (InvalidClassException) super.getCause();
    }
}
