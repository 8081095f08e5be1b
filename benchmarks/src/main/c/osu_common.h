/* Options, output, data and timing shared by the C twins of the OSU-style benchmarks.
 * Same options, layout and behaviour as org.jmpi.bench.OsuOptions / OsuReport / OsuData /
 * OsuRun, so one runner drives both and both move the same bytes:
 *   -m MIN:MAX  sizes (powers of two)   -i N[:L] iterations (>= 1)   -x N[:L] warm-up (>= 0)
 *               (N up to 8 KiB, L above; a lone N counts for every size)
 *   -w N        window (bandwidth)      -b KIND accepted and ignored (C has one kind)
 */
#ifndef JMPI_OSU_COMMON_H
#define JMPI_OSU_COMMON_H

#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define OSU_LARGE_MESSAGE 8192L
/* Buffers are aligned to the page size, as OSU's posix_memalign(getpagesize()). */
#define OSU_ALIGNMENT 4096

typedef struct {
    long min_size, max_size;
    int iterations, warmup, window;
    int large_iterations, large_warmup; /* above OSU_LARGE_MESSAGE (-i N:L); -1: as the small ones */
} osu_options;

/* A whole decimal number in v, at least `least`; -1 (with a message naming the option) otherwise. */
static inline int osu_count(const char *option, const char *v, int least, int *out) {
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || *end != '\0' || n < least || n > 2147483647L) {
        fprintf(stderr, "%s must be a number of at least %d, not %s\n", option, least, v);
        return -1;
    }
    *out = (int) n;
    return 0;
}

/* "N" or "N:L" in v, each at least `least`, into *small and *large (-1 without L). */
static inline int osu_counts(const char *option, const char *v, int least, int *small, int *large) {
    const char *colon = strchr(v, ':');
    char n[32];
    size_t len = colon == NULL ? strlen(v) : (size_t) (colon - v);
    *large = -1;
    if (len >= sizeof n) {
        fprintf(stderr, "%s must be N or N:L, not %s\n", option, v);
        return -1;
    }
    memcpy(n, v, len);
    n[len] = '\0';
    if (osu_count(option, n, least, small) != 0) return -1;
    return colon == NULL ? 0 : osu_count(option, colon + 1, least, large);
}

/* A size in 1..2^30 in v; -1 (with a message) otherwise. */
static inline int osu_size(const char *v, long *out) {
    char *end;
    long s = strtol(v, &end, 10);
    if (end == v || *end != '\0' || s < 1 || s > (1L << 30)) {
        fprintf(stderr, "-m: size %s is outside 1..%ld\n", v, 1L << 30);
        return -1;
    }
    *out = s;
    return 0;
}

/* Parses argv; prints a message naming the option and returns -1 on bad input. */
static inline int osu_parse(int argc, char **argv, long minimum, osu_options *o) {
    o->min_size = minimum < 1 ? 1 : minimum;
    o->max_size = 4L << 20;
    o->iterations = -1;
    o->warmup = -1;
    o->large_iterations = -1;
    o->large_warmup = -1;
    o->window = 64;
    for (int i = 1; i < argc; i += 2) {
        const char *a = argv[i];
        if (i + 1 >= argc) {
            fprintf(stderr, "option %s needs a value\n", a);
            return -1;
        }
        const char *v = argv[i + 1];
        int rc = 0;
        if (strcmp(a, "-m") == 0) {
            const char *colon = strchr(v, ':');
            if (colon == NULL) {
                rc = osu_size(v, &o->max_size);
            } else {
                if (colon > v) {
                    char lo[32];
                    long min;
                    size_t len = (size_t) (colon - v) < sizeof lo - 1 ? (size_t) (colon - v) : sizeof lo - 1;
                    memcpy(lo, v, len);
                    lo[len] = '\0';
                    rc = osu_size(lo, &min);
                    if (rc == 0 && min > o->min_size) o->min_size = min;
                }
                if (rc == 0) rc = osu_size(colon + 1, &o->max_size);
            }
        } else if (strcmp(a, "-i") == 0) {
            rc = osu_counts("-i", v, 1, &o->iterations, &o->large_iterations);
        } else if (strcmp(a, "-x") == 0) {
            rc = osu_counts("-x", v, 0, &o->warmup, &o->large_warmup);
        } else if (strcmp(a, "-w") == 0) {
            rc = osu_count("-w", v, 1, &o->window);
        } else if (strcmp(a, "-b") == 0) {
            /* buffer kind: only meaningful for Java */
        } else {
            fprintf(stderr, "unknown option %s (expected -m MIN:MAX, -i N[:L], -x N[:L], -w N, -b segment|array)\n", a);
            return -1;
        }
        if (rc != 0) return -1;
    }
    if (o->min_size > o->max_size) {
        fprintf(stderr, "-m: minimum %ld is above maximum %ld\n", o->min_size, o->max_size);
        return -1;
    }
    return 0;
}

static inline int osu_pick(long size, int option, int large_option, int small, int large) {
    if (option < 0) return size > OSU_LARGE_MESSAGE ? large : small;
    return size > OSU_LARGE_MESSAGE && large_option >= 0 ? large_option : option;
}

static inline int osu_iterations(const osu_options *o, long size, int small, int large) {
    return osu_pick(size, o->iterations, o->large_iterations, small, large);
}

static inline int osu_warmup(const osu_options *o, long size, int small, int large) {
    return osu_pick(size, o->warmup, o->large_warmup, small, large);
}

static inline void osu_header(int printing, const char *title, const char *bench, const char *column) {
    if (!printing) return;
    printf("# %s (C)\n", title);
    printf("# jmpi bench=%s impl=c buffer=native\n", bench);
    printf("%-10s%18s\n", "# Size", column);
    fflush(stdout);
}

/* The decimals of the values: JMPI_BENCH_DECIMALS (0 to 9), else OSU's 2 (as OsuReport). */
static inline int osu_decimals(void) {
    const char *d = getenv("JMPI_BENCH_DECIMALS");
    return d != NULL && d[0] >= '0' && d[0] <= '9' && d[1] == '\0' ? d[0] - '0' : 2;
}

static inline void osu_row(int printing, long size, double value) {
    if (!printing) return;
    printf("%-10ld%18.*f\n", size, osu_decimals(), value);
    fflush(stdout);
}

/* ------------------------------------------------------------------ run: MPI, ranks, buffers */

/* MPI_Init, argument parsing and the rank-count check; exits with status 1 on failure
 * (after MPI_Finalize), as OsuRun.start does. Returns this process's rank. */
static inline int osu_start(int *argc, char ***argv, long minimum, int min_ranks, int max_ranks,
                     const char *bench, osu_options *o) {
    int rank, size;
    MPI_Init(argc, argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (osu_parse(*argc, *argv, minimum, o) != 0) {
        MPI_Finalize();
        exit(1);
    }
    if (size < min_ranks || size > max_ranks) {
        if (rank == 0) {
            if (min_ranks == max_ranks) {
                fprintf(stderr, "%s: this test needs exactly %d processes, not %d\n", bench, min_ranks, size);
            } else {
                fprintf(stderr, "%s: this test needs at least %d processes, not %d\n", bench, min_ranks, size);
            }
        }
        MPI_Finalize();
        exit(1);
    }
    return rank;
}

/* A zeroed buffer of `bytes`, aligned to OSU_ALIGNMENT (as the Java side's Arena gives). */
static inline void *osu_alloc(size_t bytes) {
    void *p = NULL;
    if (posix_memalign(&p, OSU_ALIGNMENT, bytes == 0 ? 1 : bytes) != 0) {
        fprintf(stderr, "cannot allocate %zu bytes\n", bytes);
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    memset(p, 0, bytes);
    return p;
}

/* ------------------------------------------------------------------ data (OsuData) */

/* Byte i of the message identified by seed. */
static inline unsigned char osu_pattern(long seed, long i) {
    return (unsigned char) (i * 7 + (i >> 8) * 3 + seed * 13 + 1);
}

/* The seed of the message `rank` sends at `size` bytes. */
static inline long osu_seed(int rank, long size) {
    return size + 1009L * rank;
}

/* The seed of the alltoall block `from` sends to `to` at `size` bytes. */
static inline long osu_block_seed(int from, int to, long size) {
    return size + 1009L * from + 31L * to;
}

static inline void osu_fill(unsigned char *b, long bytes, long seed) {
    for (long i = 0; i < bytes; i++) b[i] = osu_pattern(seed, i);
}

/* The complement of message `seed`: every byte differs from what must arrive. */
static inline void osu_spoil(unsigned char *b, long bytes, long seed) {
    for (long i = 0; i < bytes; i++) b[i] = (unsigned char) ~osu_pattern(seed, i);
}

static inline long osu_mismatches(const unsigned char *b, long bytes, long seed) {
    long wrong = 0;
    for (long i = 0; i < bytes; i++) {
        if (b[i] != osu_pattern(seed, i)) wrong++;
    }
    return wrong;
}

/* Element i of the floats `rank` contributes to a sum: small integers, exact in any order. */
static inline float osu_contribution(int rank, long i) {
    return (float) ((rank + 1) * (i % 7 + 1));
}

static inline float osu_sum(int ranks, long i) {
    return (float) ((long) ranks * (ranks + 1) / 2 * (i % 7 + 1));
}

static inline void osu_fill_floats(float *f, long count, int rank) {
    for (long i = 0; i < count; i++) f[i] = osu_contribution(rank, i);
}

static inline void osu_spoil_floats(float *f, long count) {
    for (long i = 0; i < count; i++) f[i] = -1.0f;
}

static inline long osu_sum_mismatches(const float *f, long count, int ranks) {
    long wrong = 0;
    for (long i = 0; i < count; i++) {
        if (f[i] != osu_sum(ranks, i)) wrong++;
    }
    return wrong;
}

/* ------------------------------------------------------------------ timing and verdicts (OsuRun) */

/* OSU's point-to-point loop: runs body(arg) warmup + iterations times and returns the
 * seconds the last iterations took (MPI_Wtime when the first timed one starts and after). */
static inline double osu_time_loop(int iterations, int warmup, void (*body)(void *), void *arg) {
    double start = 0;
    for (int i = 0; i < iterations + warmup; i++) {
        if (i == warmup) start = MPI_Wtime();
        body(arg);
    }
    return MPI_Wtime() - start;
}

/* OSU's collective loop: warmup + iterations times, time op alone with MPI_Wtime and then
 * barrier; returns this rank's mean over the timed iterations, in microseconds. */
static inline double osu_time_collective(int iterations, int warmup, void (*op)(void *), void *arg) {
    double timer = 0;
    for (int i = 0; i < iterations + warmup; i++) {
        double start = MPI_Wtime();
        op(arg);
        double stop = MPI_Wtime();
        if (i >= warmup) timer += stop - start;
        MPI_Barrier(MPI_COMM_WORLD);
    }
    return timer * 1e6 / iterations;
}

/* The prelude, as OsuRun.prelude: before the first size is measured, body(arg), one step
 * moving bytes_per_step, runs unreported through osu_time_loop (collective 0) or
 * osu_time_collective in chunks of up to OSU_PRELUDE_CHUNK steps (at most
 * OSU_PRELUDE_BYTES), as calls of OSU_PRELUDE_CALL steps (half warm-up, half timed), with a
 * pause of OSU_PRELUDE_PAUSE_MILLIS after each chunk, OSU_PRELUDE_MIN_CHUNKS chunks at
 * least, until no rank's JIT has compiled anything for two chunks (OSU_PRELUDE_MAX_CHUNKS
 * at most): C has no JIT and stops at the least, unless a Java rank of the same job is
 * still compiling. Later calls settle the new size as OsuTiming.SETTLE_CHUNK says: chunks
 * of up to OSU_SETTLE_CHUNK steps until one chunk passes with no compilation on any rank
 * (C: one chunk), OSU_SETTLE_MAX_CHUNKS at most. */
#define OSU_PRELUDE_CHUNK 4000L
#define OSU_PRELUDE_CALL 2L
#define OSU_PRELUDE_BYTES (64L << 20)
#define OSU_PRELUDE_PAUSE_MILLIS 20
#define OSU_PRELUDE_MIN_CHUNKS 3
#define OSU_PRELUDE_MAX_CHUNKS 100
#define OSU_SETTLE_CHUNK 200L
#define OSU_SETTLE_MAX_CHUNKS 20

static inline void osu_prelude(long bytes_per_step, int collective, void (*body)(void *), void *arg) {
    static int preluded = 0;
    long chunk = preluded ? OSU_SETTLE_CHUNK : OSU_PRELUDE_CHUNK;
    int quiet_chunks = preluded ? 1 : 2;
    int least = preluded ? 1 : OSU_PRELUDE_MIN_CHUNKS;
    int most = preluded ? OSU_SETTLE_MAX_CHUNKS : OSU_PRELUDE_MAX_CHUNKS;
    long per = bytes_per_step < 1 ? 1 : bytes_per_step;
    long steps = OSU_PRELUDE_BYTES / per < chunk ? OSU_PRELUDE_BYTES / per : chunk;
    if (steps < 1) steps = 1;
    int each = (int) (steps < OSU_PRELUDE_CALL ? steps : OSU_PRELUDE_CALL);
    int chunks = 0;
    for (int quiet = 0; (quiet < quiet_chunks || chunks < least) && chunks < most; chunks++) {
        for (long done = 0; done < steps; done += each) {
            if (collective) {
                osu_time_collective(each - each / 2, each / 2, body, arg);
            } else {
                osu_time_loop(each - each / 2, each / 2, body, arg);
            }
        }
        /* The report's reduction (osu_average), as the Java prelude makes it (OsuTiming.reportStep),
         * so that a C rank and a Java rank of one job make the same collectives. */
        double zero = 0, sum = 0;
        MPI_Reduce(&zero, &sum, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
        MPI_Barrier(MPI_COMM_WORLD);
        struct timespec pause = {0, OSU_PRELUDE_PAUSE_MILLIS * 1000000L};
        nanosleep(&pause, NULL);
        /* C compiles nothing; a Java rank of the same job (a mixed run) may, and all go on together. */
        long compiled = 0, any = 0;
        MPI_Allreduce(&compiled, &any, 1, MPI_LONG, MPI_MAX, MPI_COMM_WORLD);
        quiet = any != 0 ? 0 : quiet + 1;
    }
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    if (rank == 0 && !preluded) printf("# prelude: %d chunks of %ld steps before the first size\n", chunks, steps);
    preluded = 1;
}

/* The average of every rank's value (MPI_Reduce sum to rank 0, divided by the size); valid on rank 0. */
static inline double osu_average(double value) {
    double sum = 0;
    int size;
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Reduce(&value, &sum, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    return sum / size;
}

/* The validation verdict for `size`: sums every rank's count of wrong values; if any, rank 0
 * reports it on standard error and every rank exits with status 1. */
static inline void osu_verify(long wrong, long size) {
    long total = 0;
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Allreduce(&wrong, &total, 1, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
    if (total != 0) {
        if (rank == 0) {
            fprintf(stderr, "validation failed: %ld wrong values received at size %ld\n", total, size);
        }
        MPI_Finalize();
        exit(1);
    }
}

/* Mirrors OsuRun.close, so a C rank and a Java rank can run one job together: the same final
 * reduction (the Java side reports its heap allocation in timed loops, in all and in the last;
 * C contributes zeros and
 * prints nothing), then MPI_Finalize. */
static inline void osu_finish(void) {
    long none[2] = {0, 0}, most[2];
    MPI_Reduce(none, most, 2, MPI_LONG, MPI_MAX, 0, MPI_COMM_WORLD);
    MPI_Finalize();
}

#endif
