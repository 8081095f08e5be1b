package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;

import org.jmpi.bindings.ucx.ucp_h;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Point-to-point synchronisation through a {@link Window}'s 64-bit words: a put followed
 * by a signal word that a receiver sees only after the data, and tests of and waits on a
 * local word (progressing the worker, so that emulated operations from peers land).
 * Not public API.
 */
final class Signals {
    private static final VarHandle LONG = JAVA_LONG.varHandle();

    private final Window window;
    private final DsmContext ctx;
    private final WindowKeys keys;
    private final Transfers transfers;
    private final Atomics atomics;

    Signals(Window window, DsmContext ctx, WindowKeys keys, Transfers transfers, Atomics atomics) {
        this.window = window;
        this.ctx = ctx;
        this.keys = keys;
        this.transfers = transfers;
        this.atomics = atomics;
    }

    /** See {@link Window#putWithSignal}. */
    void putWithSignal(Object origin, int rank, long disp, long signalDisp, long signalValue, SignalOp op) {
        long len = UserBuffers.byteSize(origin, UserBuffers.parse(origin, false, "src"));
        Objects.requireNonNull(op, "op");
        keys.checkAccess(rank, disp, len);
        keys.checkWord(rank, signalDisp, 8);
        transfers.blocking(true, origin, 0, -1, rank, disp);
        if (keys.direct[rank] == null) {
            ctx.flush(rank);
        } else {
            VarHandle.releaseFence(); // the data before the signal's store, as a flush orders it
        }
        atomics.apply(rank, signalDisp, 8, op == SignalOp.SET ? Atomics.SWAP : Atomics.ADD, signalValue, 0, false);
    }

    /** See {@link Window#test(long, Cmp, long)}. */
    boolean test(long localDisp, Cmp cmp, long value) {
        Objects.requireNonNull(cmp, "cmp");
        keys.checkWord(ctx.rank(), localDisp, 8);
        window.begin();
        try {
            if (cmp.test((long) LONG.getVolatile(keys.local, localDisp), value)) {
                return true;
            }
            ucp_h.ucp_worker_progress(ctx.worker());
            return cmp.test((long) LONG.getVolatile(keys.local, localDisp), value);
        } finally {
            ctx.exit();
        }
    }

    /** See {@link Window#waitUntil}. */
    long waitUntil(long localDisp, Cmp cmp, long value, Duration timeout) {
        Objects.requireNonNull(cmp, "cmp");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout: negative " + timeout);
        }
        MemorySegment local = keys.local;
        keys.checkWord(ctx.rank(), localDisp, 8);
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        int spins = 0;
        while (true) {
            window.begin();
            try {
                long v = (long) LONG.getVolatile(local, localDisp);
                if (cmp.test(v, value)) {
                    return v;
                }
                if (ucp_h.ucp_worker_progress(ctx.worker()) == 0) {
                    Ucx.backoff(++spins);
                }
            } finally {
                ctx.exit();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DsmTimeoutException("word at offset " + localDisp + " of rank " + ctx.rank() + " was "
                        + (long) LONG.getVolatile(local, localDisp) + ", not " + cmp + " " + value + " after "
                        + timeout);
            }
        }
    }
}
