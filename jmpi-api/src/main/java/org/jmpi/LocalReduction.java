package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;
import org.jmpi.internal.Staging;

/**
 * The body of {@link Op#reduceLocal}: {@code MPI_Reduce_local}, the reduction of one
 * process's two buffers. The same rules as a reduction between processes: one count and
 * one datatype for both, no {@code IN_PLACE}, {@code inout} writable. Heap memory goes
 * through this thread's native staging memory, as in the blocking reductions, and a user
 * function's failure is rethrown here.
 */
final class LocalReduction {
    private LocalReduction() {
    }

    /** Combines the message {@code in} into the message {@code inout} (arrays or {@link Buf}s). */
    static void reduce(Op op, Object in, Object inout) {
        MpiState.checkCall();
        Blocks.notInPlace(in, "in");
        Blocks.notInPlace(inout, "inout");
        Object s = Msg.base(in, "in");
        Object r = Msg.target(inout, "inout");
        CollectiveCalls.sameMessage(in, "in", inout, "inout");
        reduce(op, s, Msg.offset(in), r, Msg.offset(inout), Msg.count(inout, "inout"), Msg.type(inout, "inout"));
    }

    /** Combines the whole segment {@code in}, elements of {@code type}, into {@code inout}, which must fit as many. */
    static void reduce(Op op, MemorySegment in, MemorySegment inout, Datatype type) {
        MpiState.checkCall();
        Objects.requireNonNull(type, "type");
        Blocks.notInPlace(in, "in");
        Blocks.notInPlace(inout, "inout");
        MemorySegment s = Args.segment(in, "in");
        int n = CollectiveCalls.sameCount(s, "in", inout, "inout", type);
        reduce(op, s, 0, inout, 0, n, type);
    }

    private static void reduce(Op op, Object in, long inOffset, Object inout, long inoutOffset, int n, Datatype type) {
        long lead = Blocks.first(n, type);
        long bytes = Buffers.span(n, type) - lead;
        MemorySegment t = type.handle();
        MemorySegment o = op.acquire();
        int rc;
        try {
            rc = Staging.between(in, inOffset + lead, bytes, inout, inoutOffset + lead, bytes, true, null,
                    (sb, rb) -> MpiCalls.MPI_Reduce_local(lead == 0 ? sb : sb.asSlice(-lead),
                            lead == 0 ? rb : rb.asSlice(-lead), n, t, o));
        } finally {
            op.release();
        }
        op.afterReduction();
        Errors.check(rc, "MPI_Reduce_local");
    }
}
