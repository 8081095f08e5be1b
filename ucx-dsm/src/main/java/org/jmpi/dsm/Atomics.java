package org.jmpi.dsm;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.util.Objects;

import org.jmpi.Op;
import org.jmpi.bindings.ucx.ucp_h;
import org.jmpi.bindings.ucx.ucp_request_param_t;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The remote atomics of a {@link Window} on 32- and 64-bit words, behind the typed views
 * {@link LongAtomics} and {@link IntAtomics} (the view gives the width): CPU atomics on
 * mapped memory when every rank maps every other, else {@code ucp_atomic_op_nbx} in a
 * native section, waited for in place through the thread's {@link CallScratch}. Nothing
 * is allocated per call. Not public API.
 */
final class Atomics extends WindowPart {
    // What an atomic does, from the jmpi Op (see code): small ints, so the paths switch on them.
    static final int ADD = 0;
    static final int AND = 1;
    static final int OR = 2;
    static final int XOR = 3;
    static final int SWAP = 4;
    static final int CSWAP = 5;
    static final int READ = 6;

    private static final VarHandle LONG = JAVA_LONG.varHandle();
    private static final VarHandle INT = JAVA_INT.varHandle();

    Atomics(Window window) {
        super(window);
    }

    /**
     * What {@code op} does as a UCX atomic: {@link Op#SUM}, {@link Op#BAND}, {@link Op#BOR},
     * {@link Op#BXOR}, {@link Op#REPLACE} and, when {@code fetching}, {@link Op#NO_OP}
     * (an atomic read); UCX has no other.
     */
    static int code(Op op, boolean fetching) {
        if (op == Op.SUM) {
            return ADD;
        } else if (op == Op.REPLACE) {
            return SWAP;
        } else if (op == Op.BAND) {
            return AND;
        } else if (op == Op.BOR) {
            return OR;
        } else if (op == Op.BXOR) {
            return XOR;
        } else if (op == Op.NO_OP && fetching) {
            return READ;
        }
        Objects.requireNonNull(op, "op");
        throw new IllegalArgumentException("op: " + op + (op == Op.NO_OP ? " only reads, so it needs fetchAndOp"
                : " is not a UCX atomic; use SUM, BAND, BOR, BXOR, REPLACE or, fetching, NO_OP"));
    }

    /**
     * Applies {@code code} with {@code operand} to the aligned word of {@code width} bytes
     * at {@code disp} of {@code rank}'s part ({@link #CSWAP}: sets it to {@code operand} if
     * it equals {@code compare}); returns the word's previous value when {@code fetch}, else 0.
     */
    long apply(int rank, long disp, int width, int code, long operand, long compare, boolean fetch) {
        keys.checkWord(rank, disp, width);
        window.begin();
        try {
            if (keys.directAtomics) {
                MemorySegment d = keys.direct[rank];
                return width == 8 ? cpu64(d, disp, code, operand, compare) : cpu32(d, disp, code, (int) operand,
                        (int) compare);
            }
            return viaUcp(rank, disp, width, code, operand, compare, fetch);
        } finally {
            ctx.exit();
        }
    }

    private long viaUcp(int rank, long disp, int width, int code, long operand, long compare, boolean fetch) {
        CallScratch scratch = CallScratch.get();
        MemorySegment buf = scratch.operand();
        MemorySegment reply = scratch.reply();
        MemorySegment p = scratch.param();
        boolean needsReply = fetch || code == SWAP || code == CSWAP;
        long value = code == READ ? 0 : code == CSWAP ? compare : operand;
        long swap = code == CSWAP ? operand : 0;
        if (width == 8) {
            buf.set(JAVA_LONG, 0, value);
            reply.set(JAVA_LONG, 0, swap);
        } else {
            buf.set(JAVA_INT, 0, (int) value);
            reply.set(JAVA_INT, 0, (int) swap);
        }
        int mask = ucp_h.UCP_OP_ATTR_FIELD_DATATYPE();
        if (needsReply) {
            mask |= ucp_h.UCP_OP_ATTR_FIELD_REPLY_BUFFER();
            ucp_request_param_t.reply_buffer(p, reply);
        }
        ucp_request_param_t.op_attr_mask(p, mask);
        ucp_request_param_t.datatype(p, Ucx.contig(width));
        Ucx.await(ctx.worker(), ucp_h.ucp_atomic_op_nbx(ctx.ep(rank), ucpOp(code), buf, 1, keys.bases[rank] + disp,
                keys.rkeys[rank], p), "ucp_atomic_op_nbx");
        if (!fetch) {
            return 0;
        }
        return width == 8 ? reply.get(JAVA_LONG, 0) : reply.get(JAVA_INT, 0);
    }

    private static int ucpOp(int code) {
        if (code == ADD || code == READ) {
            return ucp_h.UCP_ATOMIC_OP_ADD();
        } else if (code == CSWAP) {
            return ucp_h.UCP_ATOMIC_OP_CSWAP();
        } else if (code == SWAP) {
            return ucp_h.UCP_ATOMIC_OP_SWAP();
        } else if (code == AND) {
            return ucp_h.UCP_ATOMIC_OP_AND();
        } else if (code == OR) {
            return ucp_h.UCP_ATOMIC_OP_OR();
        }
        return ucp_h.UCP_ATOMIC_OP_XOR();
    }

    // If-chains, not switches, in the two below: C2 drops the branches a program never takes
    // (by their profile), which keeps apply small enough to be inlined into its caller.

    private static long cpu64(MemorySegment d, long off, int code, long v, long compare) {
        if (code == ADD) {
            return (long) LONG.getAndAdd(d, off, v);
        } else if (code == CSWAP) {
            return (long) LONG.compareAndExchange(d, off, compare, v);
        } else if (code == READ) {
            return (long) LONG.getVolatile(d, off);
        } else if (code == SWAP) {
            return (long) LONG.getAndSet(d, off, v);
        } else if (code == AND) {
            return (long) LONG.getAndBitwiseAnd(d, off, v);
        } else if (code == OR) {
            return (long) LONG.getAndBitwiseOr(d, off, v);
        }
        return (long) LONG.getAndBitwiseXor(d, off, v);
    }

    private static int cpu32(MemorySegment d, long off, int code, int v, int compare) {
        if (code == ADD) {
            return (int) INT.getAndAdd(d, off, v);
        } else if (code == CSWAP) {
            return (int) INT.compareAndExchange(d, off, compare, v);
        } else if (code == READ) {
            return (int) INT.getVolatile(d, off);
        } else if (code == SWAP) {
            return (int) INT.getAndSet(d, off, v);
        } else if (code == AND) {
            return (int) INT.getAndBitwiseAnd(d, off, v);
        } else if (code == OR) {
            return (int) INT.getAndBitwiseOr(d, off, v);
        }
        return (int) INT.getAndBitwiseXor(d, off, v);
    }
}
