/*
 * C twin of org.jmpi.IoTwin (jmpi-api tests): MPI-IO through a strided view.
 *
 *   io_twin write FILE N B   every rank writes its N ints, rank * 1000000 + i, in blocks
 *                            of B ints interleaved by rank (collective write_all)
 *   io_twin read FILE N B    every rank reads its N ints back through the same view and
 *                            rank 0 reads the whole file contiguously; both are checked
 *
 * The view: displacement rank * B ints, etype MPI_INT, filetype a vector of N / B
 * blocks of B ints, one every B * size ints, resized to N * size ints, so rank r's
 * i-th int is int (i / B) * B * size + r * B + i % B of the file.
 * Prints one line on rank 0 and exits 0 when every value is right, 1 otherwise.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int value(int rank, int i) { return rank * 1000000 + i; }

static void check(int rc, const char *what) {
  if (rc != MPI_SUCCESS) {
    char text[MPI_MAX_ERROR_STRING];
    int len;
    MPI_Error_string(rc, text, &len);
    fprintf(stderr, "io_twin: %s failed: %s\n", what, text);
    MPI_Abort(MPI_COMM_WORLD, 2);
  }
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (argc != 5 || (strcmp(argv[1], "write") != 0 && strcmp(argv[1], "read") != 0)) {
    if (rank == 0) fprintf(stderr, "usage: io_twin write|read FILE N B\n");
    MPI_Finalize();
    return 2;
  }
  int writing = strcmp(argv[1], "write") == 0;
  const char *path = argv[2];
  int n = atoi(argv[3]), b = atoi(argv[4]);
  if (n <= 0 || b <= 0 || n % b != 0) {
    if (rank == 0) fprintf(stderr, "io_twin: N must be a positive multiple of B\n");
    MPI_Finalize();
    return 2;
  }
  MPI_File_set_errhandler(MPI_FILE_NULL, MPI_ERRORS_RETURN);

  MPI_Datatype blocks, strided;
  MPI_Type_vector(n / b, b, b * size, MPI_INT, &blocks);
  MPI_Type_create_resized(blocks, 0, (MPI_Aint) n * size * sizeof(int), &strided);
  MPI_Type_commit(&strided);

  MPI_File fh;
  check(MPI_File_open(MPI_COMM_WORLD, path, writing ? MPI_MODE_WRONLY | MPI_MODE_CREATE : MPI_MODE_RDONLY,
                      MPI_INFO_NULL, &fh), "MPI_File_open");
  check(MPI_File_set_view(fh, (MPI_Offset) rank * b * sizeof(int), MPI_INT, strided, "native", MPI_INFO_NULL),
        "MPI_File_set_view");
  int *mine = malloc(sizeof(int) * n);
  MPI_Status status;
  int count, bad = 0;
  long total = (long) n * size;
  if (writing) {
    for (int i = 0; i < n; i++) mine[i] = value(rank, i);
    check(MPI_File_write_all(fh, mine, n, MPI_INT, &status), "MPI_File_write_all");
    MPI_Get_count(&status, MPI_INT, &count);
    bad += count != n;
  } else {
    check(MPI_File_read_all(fh, mine, n, MPI_INT, &status), "MPI_File_read_all");
    MPI_Get_count(&status, MPI_INT, &count);
    bad += count != n;
    for (int i = 0; i < n; i++) {
      if (mine[i] != value(rank, i) && bad++ < 5) {
        fprintf(stderr, "io_twin: rank %d int %d is %d, expected %d\n", rank, i, mine[i], value(rank, i));
      }
    }
    if (rank == 0) {
      int *all = malloc(sizeof(int) * total);
      check(MPI_File_set_view(fh, 0, MPI_INT, MPI_INT, "native", MPI_INFO_NULL), "MPI_File_set_view");
      check(MPI_File_read_at(fh, 0, all, (int) total, MPI_INT, &status), "MPI_File_read_at");
      for (long k = 0; k < total; k++) {
        int r = (int) (k / b % size), i = (int) (k / ((long) b * size) * b + k % b);
        if (all[k] != value(r, i) && bad++ < 5) {
          fprintf(stderr, "io_twin: file int %ld is %d, expected %d\n", k, all[k], value(r, i));
        }
      }
      free(all);
    } else {
      check(MPI_File_set_view(fh, 0, MPI_INT, MPI_INT, "native", MPI_INFO_NULL), "MPI_File_set_view");
    }
  }
  check(MPI_File_close(&fh), "MPI_File_close");
  MPI_Type_free(&blocks);
  MPI_Type_free(&strided);
  free(mine);
  int errors;
  MPI_Allreduce(&bad, &errors, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
  if (rank == 0) {
    printf("%s %ld ints in blocks of %d from %d ranks: %s\n", writing ? "wrote" : "checked", total, b, size,
           errors == 0 ? "ok" : "MISMATCH");
  }
  MPI_Finalize();
  return errors == 0 ? 0 : 1;
}
