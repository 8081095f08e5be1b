/* Options and output shared by the C twins of the OSU-style benchmarks. Same options and
 * layout as org.jmpi.bench.OsuOptions / OsuReport, so one runner drives both:
 *   -m MIN:MAX  sizes (powers of two)   -i N iterations   -x N warm-up
 *   -w N        window (bandwidth)      -b KIND accepted and ignored (C has one kind)
 */
#ifndef JMPI_OSU_COMMON_H
#define JMPI_OSU_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OSU_LARGE_MESSAGE 8192L

typedef struct {
    long min_size, max_size;
    int iterations, warmup, window;
} osu_options;

/* Parses argv; prints a message naming the option and returns -1 on bad input. */
static int osu_parse(int argc, char **argv, long minimum, osu_options *o) {
    o->min_size = minimum < 1 ? 1 : minimum;
    o->max_size = 4L << 20;
    o->iterations = -1;
    o->warmup = -1;
    o->window = 64;
    for (int i = 1; i < argc; i += 2) {
        const char *a = argv[i];
        if (i + 1 >= argc) {
            fprintf(stderr, "option %s needs a value\n", a);
            return -1;
        }
        const char *v = argv[i + 1];
        char *end;
        if (strcmp(a, "-m") == 0) {
            const char *colon = strchr(v, ':');
            if (colon == NULL) {
                o->max_size = strtol(v, &end, 10);
            } else {
                if (colon > v) {
                    long lo = strtol(v, &end, 10);
                    if (lo > o->min_size) o->min_size = lo;
                }
                o->max_size = strtol(colon + 1, &end, 10);
            }
            if (o->max_size < 1 || o->max_size > (1L << 30)) {
                fprintf(stderr, "-m: bad size %s\n", v);
                return -1;
            }
        } else if (strcmp(a, "-i") == 0) {
            o->iterations = (int) strtol(v, &end, 10);
        } else if (strcmp(a, "-x") == 0) {
            o->warmup = (int) strtol(v, &end, 10);
        } else if (strcmp(a, "-w") == 0) {
            o->window = (int) strtol(v, &end, 10);
        } else if (strcmp(a, "-b") == 0) {
            /* buffer kind: only meaningful for Java */
        } else {
            fprintf(stderr, "unknown option %s (expected -m MIN:MAX, -i N, -x N, -w N)\n", a);
            return -1;
        }
    }
    if (o->min_size > o->max_size || o->window < 1) {
        fprintf(stderr, "bad -m range or -w\n");
        return -1;
    }
    return 0;
}

static int osu_iterations(const osu_options *o, long size, int small, int large) {
    return o->iterations >= 0 ? o->iterations : size > OSU_LARGE_MESSAGE ? large : small;
}

static int osu_warmup(const osu_options *o, long size, int small, int large) {
    return o->warmup >= 0 ? o->warmup : size > OSU_LARGE_MESSAGE ? large : small;
}

static void osu_header(int printing, const char *title, const char *bench, const char *column) {
    if (!printing) return;
    printf("# %s (C)\n", title);
    printf("# jmpi bench=%s impl=c buffer=native\n", bench);
    printf("%-10s%18s\n", "# Size", column);
    fflush(stdout);
}

/* The decimals of the values: JMPI_BENCH_DECIMALS (0 to 9), else OSU's 2 (as OsuReport). */
static int osu_decimals(void) {
    const char *d = getenv("JMPI_BENCH_DECIMALS");
    return d != NULL && d[0] >= '0' && d[0] <= '9' && d[1] == '\0' ? d[0] - '0' : 2;
}

static void osu_row(int printing, long size, double value) {
    if (!printing) return;
    printf("%-10ld%18.*f\n", size, osu_decimals(), value);
    fflush(stdout);
}

#endif
