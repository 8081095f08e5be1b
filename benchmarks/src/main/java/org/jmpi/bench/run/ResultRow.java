package org.jmpi.bench.run;

/**
 * One line of results.csv: a benchmark point of one implementation on one MPI over its
 * repetitions.
 *
 * @param mpi       the MPI the job ran on (C and Java alike)
 * @param benchmark the benchmark's short name
 * @param impl      {@code java} or {@code c}
 * @param buffer    {@code segment}, {@code array} or {@code native}
 * @param size      message size in bytes
 * @param metric    latency or bandwidth
 * @param stats     median, min and max over the repetitions, and their count
 * @param ratioToC  this median over C's median at the same size (1 for C itself; NaN
 *                  when C has no value there on the same MPI)
 */
public record ResultRow(MpiLibrary mpi, String benchmark, String impl, String buffer, long size,
                        Metric metric, Stats stats, double ratioToC) {

    /** The implementation and buffer kind. */
    public Variant variant() {
        return new Variant(impl, buffer);
    }
}
