package org.jmpi.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.jmpi.Comm;
import org.jmpi.bindings.ucs.UcsStatus;
import org.jmpi.bindings.ucx.ucp_ep_params;
import org.jmpi.bindings.ucx.ucp_h;
import org.jmpi.bindings.ucx.ucp_params;
import org.jmpi.bindings.ucx.ucp_request_param_t;
import org.jmpi.bindings.ucx.ucp_worker_attr;
import org.jmpi.bindings.ucx.ucp_worker_params;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The UCP objects of a {@link DsmContext}: one UCP context (RMA, 32/64-bit atomics), one
 * worker, and an endpoint to every rank of the communicator (itself included), set up
 * collectively by exchanging worker addresses; and their orderly tear-down. Not public API.
 */
final class UcpEndpoints {
    private static final long CLOSE_WAIT_NANOS = 5_000_000_000L;

    final MemorySegment context;
    final MemorySegment worker;
    final MemorySegment[] eps;
    /** Whether UCX granted the worker {@code UCS_THREAD_MODE_MULTI}. */
    final boolean multiThreaded;

    private UcpEndpoints(MemorySegment context, MemorySegment worker, MemorySegment[] eps, boolean multiThreaded) {
        this.context = context;
        this.worker = worker;
        this.eps = eps;
        this.multiThreaded = multiThreaded;
    }

    /**
     * Creates the context and worker, gathers every rank's worker address over
     * {@code comm} and connects to each (collective). A failure on any rank fails every
     * rank, after this rank has torn down what it made.
     *
     * @throws UcxException if UCX fails on this rank
     * @throws IllegalStateException if UCX failed on another rank
     */
    static UcpEndpoints create(Comm comm) {
        MemorySegment ctx = MemorySegment.NULL;
        MemorySegment wrk = MemorySegment.NULL;
        byte[] address = null;
        boolean multi = false;
        RuntimeException failure = null;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            ctx = init(arena, comm.size(), out);
            MemorySegment wp = arena.allocate(ucp_worker_params.layout());
            ucp_worker_params.field_mask(wp, ucp_h.UCP_WORKER_PARAM_FIELD_THREAD_MODE());
            ucp_worker_params.thread_mode(wp, ucp_h.UCS_THREAD_MODE_MULTI());
            Ucx.check(ucp_h.ucp_worker_create(ctx, wp, out), "ucp_worker_create");
            wrk = out.get(ADDRESS, 0);

            MemorySegment attr = arena.allocate(ucp_worker_attr.layout());
            ucp_worker_attr.field_mask(attr, ucp_h.UCP_WORKER_ATTR_FIELD_THREAD_MODE());
            Ucx.check(ucp_h.ucp_worker_query(wrk, attr), "ucp_worker_query");
            multi = ucp_worker_attr.thread_mode(attr) == ucp_h.UCS_THREAD_MODE_MULTI();

            MemorySegment len = arena.allocate(JAVA_LONG);
            Ucx.check(ucp_h.ucp_worker_get_address(wrk, out, len), "ucp_worker_get_address");
            MemorySegment addr = out.get(ADDRESS, 0);
            address = NativeAccess.sized(addr, len.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
            ucp_h.ucp_worker_release_address(wrk, addr);
        } catch (RuntimeException e) {
            failure = e;
            address = null;
        }
        byte[][] all;
        try {
            all = Bootstrap.allgather(comm, address, "DSM context creation");
        } catch (IllegalStateException e) {
            destroy(ctx, wrk);
            throw failure != null ? failure : e;
        }
        MemorySegment[] eps = new MemorySegment[comm.size()];
        boolean ok = true;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ADDRESS);
            MemorySegment ep = arena.allocate(ucp_ep_params.layout());
            for (int r = 0; r < eps.length; r++) {
                MemorySegment remote = arena.allocateFrom(JAVA_BYTE, all[r]);
                ucp_ep_params.field_mask(ep, ucp_h.UCP_EP_PARAM_FIELD_REMOTE_ADDRESS());
                ucp_ep_params.address(ep, remote);
                Ucx.check(ucp_h.ucp_ep_create(wrk, ep, out), "ucp_ep_create");
                eps[r] = out.get(ADDRESS, 0);
            }
        } catch (RuntimeException e) {
            failure = e;
            ok = false;
        }
        UcpEndpoints made = new UcpEndpoints(ctx, wrk, eps, multi);
        try {
            Bootstrap.allgather(comm, ok ? new byte[0] : null, "DSM endpoint creation");
        } catch (IllegalStateException e) {
            made.close();
            throw failure != null ? failure : e;
        }
        return made;
    }

    /** {@code ucp_init_version} with RMA and atomics, sized for {@code ranks} endpoints. */
    private static MemorySegment init(Arena arena, int ranks, MemorySegment out) {
        Ucx.check(ucp_h.ucp_config_read(MemorySegment.NULL, MemorySegment.NULL, out), "ucp_config_read");
        MemorySegment config = out.get(ADDRESS, 0);
        MemorySegment params = arena.allocate(ucp_params.layout());
        ucp_params.field_mask(params, ucp_h.UCP_PARAM_FIELD_FEATURES() | ucp_h.UCP_PARAM_FIELD_ESTIMATED_NUM_EPS());
        ucp_params.features(params, ucp_h.UCP_FEATURE_RMA() | ucp_h.UCP_FEATURE_AMO32() | ucp_h.UCP_FEATURE_AMO64());
        ucp_params.estimated_num_eps(params, ranks);
        byte st = ucp_h.ucp_init_version(ucp_h.UCP_API_MAJOR(), ucp_h.UCP_API_MINOR(), params, config, out);
        ucp_h.ucp_config_release(config);
        Ucx.check(st, "ucp_init_version");
        return out.get(ADDRESS, 0);
    }

    private static void destroy(MemorySegment ctx, MemorySegment wrk) {
        if (wrk.address() != 0) {
            ucp_h.ucp_worker_destroy(wrk);
        }
        if (ctx.address() != 0) {
            ucp_h.ucp_cleanup(ctx);
        }
    }

    /**
     * Closes the endpoints (waiting up to {@link #CLOSE_WAIT_NANOS} for the closes to
     * finish), then destroys the worker and the UCP context. The caller has flushed.
     */
    void close() {
        List<MemorySegment> reqs = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = arena.allocate(ucp_request_param_t.layout());
            ucp_request_param_t.op_attr_mask(p, ucp_h.UCP_OP_ATTR_FIELD_FLAGS());
            ucp_request_param_t.flags(p, 0);
            for (MemorySegment ep : eps) {
                if (ep == null) {
                    continue;
                }
                MemorySegment r = ucp_h.ucp_ep_close_nbx(ep, p);
                if (UcsStatus.isPtr(r)) {
                    reqs.add(r);
                }
            }
        }
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        int spins = 0;
        while (!reqs.isEmpty() && System.nanoTime() < deadline) {
            ucp_h.ucp_worker_progress(worker);
            reqs.removeIf(r -> {
                if (ucp_h.ucp_request_check_status(r) == Ucx.INPROGRESS) {
                    return false;
                }
                ucp_h.ucp_request_free(r);
                return true;
            });
            Ucx.backoff(++spins);
        }
        destroy(context, worker);
    }
}
