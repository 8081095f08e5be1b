/* UCP bootstrap and helpers shared by the C twins of the ucx-dsm benchmarks
 * (org.jmpi.bench.dsm). Everything here mirrors what ucx-dsm does, so that a C twin
 * measures the same UCP calls as its Java program:
 *   - the UCX environment of org.jmpi.bindings.ucs.UcxEnvironment (signal handlers and
 *     memory hooks off; UCX reads it when libucs loads, so the program re-executes itself
 *     once with it set);
 *   - DsmContext.create: ucp_init_version with RMA|AMO32|AMO64 and estimated_num_eps, one
 *     UCS_THREAD_MODE_MULTI worker, worker addresses allgathered with MPI, an endpoint to
 *     every rank (itself included);
 *   - Window.allocate: ucp_mem_map with UCP_MEM_MAP_ALLOCATE, zero-filled, rkeys packed,
 *     allgathered with the base address and size, and unpacked on every endpoint;
 *   - Ucx.await: a request is progressed until complete (backing off like Ucx.backoff),
 *     freed, and its status checked.
 * Rank 0 is the origin of every benchmark, rank 1 the target; while rank 0 measures,
 * rank 1 progresses its worker until the barrier that ends the step (dsm_sync). Each
 * benchmark's kernel is a function run untimed in the prelude at the first size, then for
 * every size, as in Java.
 */
#ifndef JMPI_DSM_COMMON_H
#define JMPI_DSM_COMMON_H

#include <mpi.h>
#include <sched.h>
#include <stdint.h>
#include <unistd.h>
#include <ucp/api/ucp.h>

#include "osu_common.h"

#define DSM_ORIGIN 0
#define DSM_TARGET 1

/* OSU's one-sided defaults (OMB 7), as DsmBench: latency and bandwidth iterations and
 * warm-up, small and above 8 KiB. */
#define DSM_LAT_ITERATIONS 10000
#define DSM_LAT_ITERATIONS_LARGE 1000
#define DSM_LAT_WARMUP 100
#define DSM_LAT_WARMUP_LARGE 10
#define DSM_BW_ITERATIONS 100
#define DSM_BW_ITERATIONS_LARGE 20
#define DSM_BW_WARMUP 10
#define DSM_BW_WARMUP_LARGE 2
/* The prelude, as DsmBench.prelude: DSM_PRELUDE operations (moving at most
 * DSM_PRELUDE_BYTES) run unreported at the first size as up to DSM_PRELUDE_CALLS calls of
 * the benchmark's timed loop (half warm-up, half timed steps), then a pause of
 * DSM_PRELUDE_PAUSE_MILLIS. The JIT needs them in
 * Java (OSU's warm-up of 100 is far below that); C does the same for identical runs. */
#define DSM_PRELUDE 200000
#define DSM_PRELUDE_CALLS 5000
#define DSM_PRELUDE_BYTES (256L << 20)
#define DSM_PRELUDE_PAUSE_MILLIS 200

typedef struct {
    int rank, size;
    ucp_context_h context;
    ucp_worker_h worker;
    ucp_ep_h *eps;
} dsm_context;

typedef struct {
    ucp_mem_h memh;
    unsigned char *local;
    size_t bytes;
    uint64_t *bases;
    ucp_rkey_h *rkeys;
} dsm_window;

static inline void dsm_fail(const char *call, ucs_status_t status) {
    fprintf(stderr, "%s failed: %s\n", call, ucs_status_string(status));
    MPI_Abort(MPI_COMM_WORLD, 1);
}

static inline void dsm_check(ucs_status_t status, const char *call) {
    if (status != UCS_OK) dsm_fail(call, status);
}

/* Sets the UCX variables jmpi sets before loading UCX (a value already set is kept) and,
 * if one was missing, re-executes the program so that UCX reads them when it loads. */
static inline void dsm_environment(char **argv) {
    static const char *settings[][2] = {
        {"UCX_ERROR_SIGNALS", ""},
        {"UCX_HANDLE_ERRORS", "none"},
        {"UCX_MEM_MALLOC_HOOKS", "no"},
        {"UCX_MEM_MMAP_HOOK_MODE", "none"},
    };
    int missing = 0;
    for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
        if (getenv(settings[i][0]) == NULL) {
            setenv(settings[i][0], settings[i][1], 0);
            missing = 1;
        }
    }
    if (missing) {
        execv("/proc/self/exe", argv);
        perror("dsm_environment: execv /proc/self/exe");
        exit(1);
    }
}

/* Ucx.backoff: spin a little, then yield (ranks are often oversubscribed). */
static inline void dsm_backoff(int spins) {
    if (spins % 64 == 0) {
        sched_yield();
    } else {
        __builtin_ia32_pause();
    }
}

/* Ucx.await: finishes the result of an _nbx call. */
static inline void dsm_await(ucp_worker_h worker, ucs_status_ptr_t ptr, const char *call) {
    if (ptr == NULL) return;
    if (UCS_PTR_IS_ERR(ptr)) dsm_fail(call, UCS_PTR_STATUS(ptr));
    ucs_status_t st;
    int spins = 0;
    while ((st = ucp_request_check_status(ptr)) == UCS_INPROGRESS) {
        if (ucp_worker_progress(worker) == 0) dsm_backoff(++spins);
    }
    ucp_request_free(ptr);
    dsm_check(st, call);
}

/* Bootstrap.allgather: every rank's block of bytes, each in a slot of *block bytes. */
static inline unsigned char *dsm_allgather(const void *mine, long length, long *block) {
    long max = length;
    MPI_Allreduce(MPI_IN_PLACE, &max, 1, MPI_LONG, MPI_MAX, MPI_COMM_WORLD);
    *block = 8 + ((max + 7) & ~7L);
    unsigned char *send = calloc(1, *block);
    int size;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    unsigned char *all = malloc(*block * size);
    memcpy(send, &length, 8);
    memcpy(send + 8, mine, length);
    MPI_Allgather(send, (int) *block, MPI_BYTE, all, (int) *block, MPI_BYTE, MPI_COMM_WORLD);
    free(send);
    return all;
}

/* DsmContext.create(world, false). */
static inline void dsm_init(dsm_context *c) {
    MPI_Comm_rank(MPI_COMM_WORLD, &c->rank);
    MPI_Comm_size(MPI_COMM_WORLD, &c->size);
    ucp_config_t *config;
    dsm_check(ucp_config_read(NULL, NULL, &config), "ucp_config_read");
    ucp_params_t params = {0};
    params.field_mask = UCP_PARAM_FIELD_FEATURES | UCP_PARAM_FIELD_ESTIMATED_NUM_EPS;
    params.features = UCP_FEATURE_RMA | UCP_FEATURE_AMO32 | UCP_FEATURE_AMO64;
    params.estimated_num_eps = c->size;
    ucs_status_t st = ucp_init_version(UCP_API_MAJOR, UCP_API_MINOR, &params, config, &c->context);
    ucp_config_release(config);
    dsm_check(st, "ucp_init_version");

    ucp_worker_params_t wp = {0};
    wp.field_mask = UCP_WORKER_PARAM_FIELD_THREAD_MODE;
    wp.thread_mode = UCS_THREAD_MODE_MULTI;
    dsm_check(ucp_worker_create(c->context, &wp, &c->worker), "ucp_worker_create");
    ucp_worker_attr_t attr = {0};
    attr.field_mask = UCP_WORKER_ATTR_FIELD_THREAD_MODE;
    dsm_check(ucp_worker_query(c->worker, &attr), "ucp_worker_query");
    if (attr.thread_mode != UCS_THREAD_MODE_MULTI) {
        fprintf(stderr, "UCX did not grant UCS_THREAD_MODE_MULTI\n");
        MPI_Abort(MPI_COMM_WORLD, 1);
    }

    ucp_address_t *address;
    size_t length;
    dsm_check(ucp_worker_get_address(c->worker, &address, &length), "ucp_worker_get_address");
    long block;
    unsigned char *all = dsm_allgather(address, (long) length, &block);
    ucp_worker_release_address(c->worker, address);
    c->eps = calloc(c->size, sizeof(ucp_ep_h));
    for (int r = 0; r < c->size; r++) {
        ucp_ep_params_t ep = {0};
        ep.field_mask = UCP_EP_PARAM_FIELD_REMOTE_ADDRESS;
        ep.address = (const ucp_address_t *) (all + r * block + 8);
        dsm_check(ucp_ep_create(c->worker, &ep, &c->eps[r]), "ucp_ep_create");
    }
    free(all);
    MPI_Barrier(MPI_COMM_WORLD);
}

/* DsmContext.allocate(bytes): a symmetric window UCX allocates, zeroed. */
static inline void dsm_allocate(dsm_context *c, dsm_window *w, size_t bytes) {
    ucp_mem_map_params_t p = {0};
    p.field_mask = UCP_MEM_MAP_PARAM_FIELD_LENGTH | UCP_MEM_MAP_PARAM_FIELD_FLAGS;
    p.length = bytes;
    p.flags = UCP_MEM_MAP_ALLOCATE;
    dsm_check(ucp_mem_map(c->context, &p, &w->memh), "ucp_mem_map");
    ucp_mem_attr_t attr = {0};
    attr.field_mask = UCP_MEM_ATTR_FIELD_ADDRESS | UCP_MEM_ATTR_FIELD_LENGTH;
    dsm_check(ucp_mem_query(w->memh, &attr), "ucp_mem_query");
    if (attr.length < bytes) {
        fprintf(stderr, "ucp_mem_map allocated %zu bytes, fewer than %zu\n", attr.length, bytes);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    w->local = attr.address;
    w->bytes = bytes;
    memset(w->local, 0, bytes);

    void *packed;
    size_t packed_size;
    dsm_check(ucp_rkey_pack(c->context, w->memh, &packed, &packed_size), "ucp_rkey_pack");
    unsigned char *mine = malloc(16 + packed_size);
    uint64_t base = (uint64_t) (uintptr_t) w->local, size = bytes;
    memcpy(mine, &base, 8);
    memcpy(mine + 8, &size, 8);
    memcpy(mine + 16, packed, packed_size);
    ucp_rkey_buffer_release(packed);
    long block;
    unsigned char *all = dsm_allgather(mine, (long) (16 + packed_size), &block);
    free(mine);
    w->bases = calloc(c->size, sizeof(uint64_t));
    w->rkeys = calloc(c->size, sizeof(ucp_rkey_h));
    for (int r = 0; r < c->size; r++) {
        unsigned char *b = all + r * block + 8;
        memcpy(&w->bases[r], b, 8);
        dsm_check(ucp_ep_rkey_unpack(c->eps[r], b + 16, &w->rkeys[r]), "ucp_ep_rkey_unpack");
    }
    free(all);
    MPI_Barrier(MPI_COMM_WORLD);
}

/* Window.flush(rank) / DsmContext.flush(rank). */
static inline void dsm_flush(dsm_context *c, int target) {
    ucp_request_param_t param = {0};
    dsm_await(c->worker, ucp_ep_flush_nbx(c->eps[target], &param), "ucp_ep_flush_nbx");
}

/* The end of a benchmark step: both ranks enter a nonblocking barrier (a blocking and a
 * nonblocking barrier do not match); the origin waits for it, the target progresses its
 * worker until it completes. */
static inline void dsm_sync(dsm_context *c) {
    MPI_Request req;
    MPI_Ibarrier(MPI_COMM_WORLD, &req);
    if (c->rank == DSM_ORIGIN) {
        MPI_Wait(&req, MPI_STATUS_IGNORE);
        return;
    }
    int done = 0;
    while (!done) {
        ucp_worker_progress(c->worker);
        MPI_Test(&req, &done, MPI_STATUS_IGNORE);
    }
}

/* Window.close(): flush, release the keys and the memory. */
static inline void dsm_window_free(dsm_context *c, dsm_window *w) {
    ucp_request_param_t param = {0};
    dsm_await(c->worker, ucp_worker_flush_nbx(c->worker, &param), "ucp_worker_flush_nbx");
    for (int r = 0; r < c->size; r++) ucp_rkey_destroy(w->rkeys[r]);
    ucp_mem_unmap(c->context, w->memh);
    free(w->rkeys);
    free(w->bases);
}

/* DsmContext.close(): flush, close the endpoints, destroy the worker and the context. */
static inline void dsm_close(dsm_context *c) {
    ucp_request_param_t param = {0};
    dsm_await(c->worker, ucp_worker_flush_nbx(c->worker, &param), "ucp_worker_flush_nbx");
    param.op_attr_mask = UCP_OP_ATTR_FIELD_FLAGS;
    param.flags = 0;
    for (int r = 0; r < c->size; r++) {
        ucs_status_ptr_t req = ucp_ep_close_nbx(c->eps[r], &param);
        if (UCS_PTR_IS_PTR(req)) {
            while (ucp_request_check_status(req) == UCS_INPROGRESS) ucp_worker_progress(c->worker);
            ucp_request_free(req);
        }
    }
    free(c->eps);
    ucp_worker_destroy(c->worker);
    ucp_cleanup(c->context);
}

/* Starts a benchmark: the UCX environment, MPI at MPI_THREAD_SINGLE (as Mpi.init()),
 * exactly two ranks, options, and the context. Returns 0, or an exit status. */
static inline int dsm_start(int argc, char **argv, long minimum, osu_options *o, dsm_context *c) {
    dsm_environment(argv);
    int provided, size, rank;
    MPI_Init_thread(&argc, &argv, MPI_THREAD_SINGLE, &provided);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    if (osu_parse(argc, argv, minimum, o) != 0) {
        MPI_Finalize();
        return 2;
    }
    if (size != 2) {
        if (rank == 0) fprintf(stderr, "this benchmark needs exactly 2 ranks, not %d\n", size);
        MPI_Finalize();
        return 2;
    }
    dsm_init(c);
    return 0;
}

/* The prelude's calls of the timed loop and warm-up steps per call, for steps of per_step
 * operations of size bytes (as DsmBench.prelude). */
static inline void dsm_prelude(long size, int per_step, int *calls, int *steps_per_call) {
    long operations = DSM_PRELUDE_BYTES / size;
    if (operations < 1) operations = 1;
    if (operations > DSM_PRELUDE) operations = DSM_PRELUDE;
    long steps = operations / per_step > 1 ? operations / per_step : 1;
    *calls = steps < DSM_PRELUDE_CALLS ? (int) steps : DSM_PRELUDE_CALLS;
    *steps_per_call = (int) (steps / *calls);
}

static inline void dsm_prelude_pause(void) {
    usleep(DSM_PRELUDE_PAUSE_MILLIS * 1000);
}

/* The pointers every kernel uses: rank 1's part of the window through the endpoint. */
typedef struct {
    dsm_context *c;
    ucp_ep_h ep;
    uint64_t base;
    ucp_rkey_h rkey;
} dsm_target;

static inline dsm_target dsm_target_of(dsm_context *c, dsm_window *w) {
    dsm_target t = {c, c->eps[DSM_TARGET], w->bases[DSM_TARGET], w->rkeys[DSM_TARGET]};
    return t;
}

/* OSU's timed loop, as DsmBench.time: runs the step (the remaining arguments; i is the
 * round) warmup + iterations times and sets seconds to the MPI_Wtime of the last iterations. */
#define DSM_TIME(seconds, warmup, iterations, ...)                  \
    do {                                                            \
        double start_ = 0;                                          \
        for (int i = 0; i < (warmup) + (iterations); i++) {         \
            if (i == (warmup)) start_ = MPI_Wtime();                \
            __VA_ARGS__;                                            \
        }                                                           \
        (seconds) = MPI_Wtime() - start_;                           \
    } while (0)

/* The byte at index i of a pattern; salt tells patterns apart (the same in Java). */
static inline unsigned char dsm_pattern(long i, long salt) {
    return (unsigned char) ((i * 31 + salt * 7 + 1) & 0xff);
}

static inline void dsm_fill(unsigned char *b, long n, long salt) {
    for (long i = 0; i < n; i++) b[i] = dsm_pattern(i, salt);
}

/* Aborts the job if b[0..n) is not the pattern: exit status non-zero on corruption. */
static inline void dsm_verify(const unsigned char *b, long n, long salt, const char *what, long size) {
    for (long i = 0; i < n; i++) {
        if (b[i] != dsm_pattern(i, salt)) {
            fprintf(stderr, "%s: size %ld: byte %ld is %d, expected %d\n", what, size, i, b[i],
                    dsm_pattern(i, salt));
            MPI_Abort(MPI_COMM_WORLD, 3);
        }
    }
}

/* Aligned local memory, as OSU's page-aligned buffers. */
static inline unsigned char *dsm_buffer(size_t bytes) {
    void *p = NULL;
    if (posix_memalign(&p, 4096, bytes > 0 ? bytes : 1) != 0) {
        fprintf(stderr, "out of memory for %zu bytes\n", bytes);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    memset(p, 0, bytes);
    return p;
}

/* Reads bytes back from rank 1's window and aborts the job unless they hold the pattern. */
static inline void dsm_verify_target(dsm_target *t, long bytes, long salt, const char *what, long size) {
    unsigned char *back = dsm_buffer(bytes);
    ucp_request_param_t param = {0};
    dsm_await(t->c->worker, ucp_get_nbx(t->ep, back, bytes, t->base, t->rkey, &param), "ucp_get_nbx");
    dsm_verify(back, bytes, salt, what, size);
    free(back);
}

/* What a size sweep measures at one size: warmup + iterations steps on size bytes (a window
 * of them for bandwidth) of rank 1's window through local, a check of the data, and the
 * seconds of the timed steps. As DsmSweeps.Kernel. */
typedef double (*dsm_kernel)(dsm_target *t, unsigned char *local, long size, int window, int warmup,
                             int iterations);

/* A sweep over the sizes of -m, as DsmSweeps.sweep: rank 0 runs kernel at each size (after
 * an untimed prelude) and prints the latency per step in microseconds or, with bandwidth,
 * MB/s of -w operations per step. With patterned_target rank 1 fills its window with
 * pattern 0 first (for gets). Returns the exit status. */
static inline int dsm_sweep(int argc, char **argv, const char *title, const char *bench, int bandwidth,
                            int patterned_target, dsm_kernel kernel) {
    osu_options o;
    dsm_context c;
    int rc = dsm_start(argc, argv, 1, &o, &c);
    if (rc != 0) return rc;
    long span = bandwidth ? o.window : 1;
    dsm_window win;
    dsm_allocate(&c, &win, o.max_size * span);
    dsm_target t = dsm_target_of(&c, &win);
    osu_header(c.rank == DSM_ORIGIN, title, bench, bandwidth ? "Bandwidth (MB/s)" : "Latency (us)");
    if (patterned_target && c.rank != DSM_ORIGIN) dsm_fill(win.local, o.max_size * span, 0);
    dsm_sync(&c);
    unsigned char *local = dsm_buffer(o.max_size * span);
    if (c.rank == DSM_ORIGIN) {
        int calls, steps;
        dsm_prelude(o.min_size, (int) span, &calls, &steps);
        for (int k = 0; k < calls; k++) kernel(&t, local, o.min_size, o.window, steps / 2, steps - steps / 2);
        dsm_prelude_pause();
    }
    for (long size = o.min_size; size > 0 && size <= o.max_size; size *= 2) {
        if (c.rank == DSM_ORIGIN) {
            int iterations = bandwidth ? osu_iterations(&o, size, DSM_BW_ITERATIONS, DSM_BW_ITERATIONS_LARGE)
                                       : osu_iterations(&o, size, DSM_LAT_ITERATIONS, DSM_LAT_ITERATIONS_LARGE);
            int warmup = bandwidth ? osu_warmup(&o, size, DSM_BW_WARMUP, DSM_BW_WARMUP_LARGE)
                                   : osu_warmup(&o, size, DSM_LAT_WARMUP, DSM_LAT_WARMUP_LARGE);
            double seconds = kernel(&t, local, size, o.window, warmup, iterations);
            osu_row(1, size, bandwidth ? (double) size * span * iterations / 1e6 / seconds
                                       : seconds * 1e6 / iterations);
        }
        dsm_sync(&c);
    }
    free(local);
    dsm_window_free(&c, &win);
    dsm_sync(&c);
    dsm_close(&c);
    MPI_Finalize();
    return 0;
}

/* Rounds of op on rank 1's 64-bit word, each moving the count from n to n + 1 (an add of
 * 1, or a compare-and-swap from n to n + 1); counts unexpected previous values in *wrong
 * and returns the timed seconds. As DsmBench.atomicLatency's round. */
static inline double dsm_atomic_rounds(dsm_target *t, ucp_atomic_op_t op, uint64_t *count, int warmup,
                                       int iterations, long *wrong) {
    uint64_t operand = 0, reply = 0;
    ucp_request_param_t param = {0};
    param.op_attr_mask = UCP_OP_ATTR_FIELD_DATATYPE | UCP_OP_ATTR_FIELD_REPLY_BUFFER;
    param.datatype = ucp_dt_make_contig(8);
    param.reply_buffer = &reply;
    double seconds;
    DSM_TIME(seconds, warmup, iterations, {
        uint64_t n = (*count)++;
        operand = op == UCP_ATOMIC_OP_CSWAP ? n : 1;
        reply = n + 1; /* a swap's new value; replaced by the previous value */
        dsm_await(t->c->worker, ucp_atomic_op_nbx(t->ep, op, &operand, 1, t->base, t->rkey, &param),
                  "ucp_atomic_op_nbx");
        if (reply != n) (*wrong)++;
    });
    return seconds;
}

/* The atomic latency benchmarks (one row, size 8), as DsmBench.atomicLatency: rank 0 applies
 * op to a word of rank 1's window, each round moving the count from n to n + 1; every
 * previous value and the final count are checked. Returns the exit status. */
static inline int dsm_atomic_latency(int argc, char **argv, ucp_atomic_op_t op, const char *title,
                                     const char *bench, const char *what) {
    osu_options o;
    dsm_context c;
    int rc = dsm_start(argc, argv, 8, &o, &c);
    if (rc != 0) return rc;
    dsm_window win;
    dsm_allocate(&c, &win, 8);
    dsm_target t = dsm_target_of(&c, &win);
    osu_header(c.rank == DSM_ORIGIN, title, bench, "Latency (us)");
    if (c.rank == DSM_ORIGIN) {
        int iterations = osu_iterations(&o, 8, DSM_LAT_ITERATIONS, DSM_LAT_ITERATIONS_LARGE);
        int warmup = osu_warmup(&o, 8, DSM_LAT_WARMUP, DSM_LAT_WARMUP_LARGE);
        uint64_t count = 0, total = 0;
        long wrong = 0;
        int calls, steps;
        dsm_prelude(8, 1, &calls, &steps);
        for (int k = 0; k < calls; k++) dsm_atomic_rounds(&t, op, &count, steps / 2, steps - steps / 2, &wrong);
        dsm_prelude_pause();
        double seconds = dsm_atomic_rounds(&t, op, &count, warmup, iterations, &wrong);
        ucp_request_param_t plain = {0};
        dsm_await(c.worker, ucp_get_nbx(t.ep, &total, 8, t.base, t.rkey, &plain), "ucp_get_nbx");
        if (wrong != 0 || total != count) {
            fprintf(stderr, "%s: %ld unexpected previous values, final count %lu, expected %lu\n", what, wrong,
                    (unsigned long) total, (unsigned long) count);
            MPI_Abort(MPI_COMM_WORLD, 3);
        }
        osu_row(1, 8, seconds * 1e6 / iterations);
    }
    dsm_sync(&c);
    dsm_window_free(&c, &win);
    dsm_sync(&c);
    dsm_close(&c);
    MPI_Finalize();
    return 0;
}

#endif
