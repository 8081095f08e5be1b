package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.ucx.ucp_request_param_t;

/**
 * Per-thread native memory for the arguments of one UCP call at a time: a request
 * parameter block (UCX copies it during the call) and two 8-byte words for an atomic's
 * operand and reply or a single-word get (used only by calls the thread waits for), so
 * puts, gets and atomics allocate no arena per call. Not public API.
 */
final class CallScratch {
    private static final long PARAM_BYTES = ucp_request_param_t.layout().byteSize();
    private static final ThreadLocal<CallScratch> LOCAL = ThreadLocal.withInitial(CallScratch::new);

    private final MemorySegment param;
    private final MemorySegment operand;
    private final MemorySegment reply;

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

    /** This thread's request parameter block, zeroed (no attributes set). */
    static MemorySegment param() {
        return LOCAL.get().zeroedParam();
    }

    /** This thread's parameter block, zeroed. */
    MemorySegment zeroedParam() {
        param.fill((byte) 0);
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
}
