package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.ucx.ucp_request_param_t;

/**
 * Per-thread native memory for the arguments of one UCP call at a time, so puts, gets,
 * atomics and flushes allocate nothing per call: a request parameter block (UCX reads it
 * during the call; UCX reads only the fields its {@code op_attr_mask} names, so it needs
 * no clearing between calls), two 8-byte words for an atomic's operand and reply or a
 * single-word get, and a staging buffer through which blocking calls move Java arrays
 * (all used only by calls the thread waits for). {@link #NO_PARAMS} is a shared, all-zero
 * parameter block for calls without attributes. Not public API.
 */
final class CallScratch {
    /** A parameter block with no attributes; never written, shared by every thread. */
    static final MemorySegment NO_PARAMS = Arena.global().allocate(ucp_request_param_t.layout());
    /** Staging buffers up to this size are kept for the thread's next call; larger ones are freed. */
    static final long KEPT_STAGING = 1L << 20;

    private static final long PARAM_BYTES = ucp_request_param_t.layout().byteSize();
    private static final ThreadLocal<CallScratch> LOCAL = ThreadLocal.withInitial(CallScratch::new);

    private final MemorySegment param;
    private final MemorySegment operand;
    private final MemorySegment reply;
    private MemorySegment staging = MemorySegment.NULL;

    private CallScratch() {
        MemorySegment all = Arena.ofAuto().allocate(PARAM_BYTES + 16, 8);
        param = all.asSlice(0, PARAM_BYTES);
        operand = all.asSlice(PARAM_BYTES, 8);
        reply = all.asSlice(PARAM_BYTES + 8, 8);
    }

    /** This thread's scratch. */
    static CallScratch get() {
        return LOCAL.get();
    }

    /** This thread's parameter block; the caller sets {@code op_attr_mask} and the fields it names. */
    MemorySegment param() {
        return param;
    }

    /** An 8-byte word for an operand or a single-word get. */
    MemorySegment operand() {
        return operand;
    }

    /** An 8-byte word for an atomic's reply. */
    MemorySegment reply() {
        return reply;
    }

    /**
     * This thread's native buffer of at least {@code bytes} (at most {@link #KEPT_STAGING})
     * for a blocking call that moves a Java array; valid until the thread's next call.
     */
    MemorySegment staging(long bytes) {
        if (staging.byteSize() < bytes) {
            staging = Arena.ofAuto().allocate(Math.max(bytes, 256), 8);
        }
        return staging;
    }
}
