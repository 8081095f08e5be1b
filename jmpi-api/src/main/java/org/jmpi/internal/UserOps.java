package org.jmpi.internal;

import java.lang.foreign.MemorySegment;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The handles of the live user-defined ops, so that a call which could run one (an upcall
 * into Java) avoids the critical downcalls, which must not call back into Java. Not
 * public API.
 */
public final class UserOps {
    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

    private UserOps() {
    }

    /** Records a user op created with {@code MPI_Op_create}. */
    public static void add(MemorySegment op) {
        LIVE.add(op.address());
    }

    /** Forgets a user op freed with {@code MPI_Op_free}. */
    public static void remove(MemorySegment op) {
        LIVE.remove(op.address());
    }

    /** Whether {@code op} is a live user op; a single emptiness check while there is none. */
    public static boolean isUser(MemorySegment op) {
        return !LIVE.isEmpty() && LIVE.contains(op.address());
    }
}
