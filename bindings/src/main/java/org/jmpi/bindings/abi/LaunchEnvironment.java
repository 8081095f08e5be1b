package org.jmpi.bindings.abi;

import java.util.Map;

/**
 * What the launcher's environment says about this process: which MPI started it and how
 * many processes the job has. Open MPI's {@code mpirun} sets {@code OMPI_COMM_WORLD_*};
 * MPICH's Hydra ({@code mpiexec.mpich}) sets {@code PMI_RANK}/{@code PMI_SIZE}; Slurm's
 * {@code srun} sets {@code SLURM_*} and, with {@code --mpi=pmix}, {@code PMIX_*} (served to
 * Open MPI), with {@code --mpi=pmi2}, {@code PMI_*} (served to MPICH).
 *
 * @param kind     the MPI the launcher serves, or null when the environment does not say
 * @param size     the number of processes the launcher started, or 0 when unknown
 * @param launcher a description of the launcher and the variables that identified it
 * @param srun     whether Slurm's {@code srun} started the process (its MPI plugin, not the
 *                 MPI, decides which MPI it serves)
 */
public record LaunchEnvironment(MpiKind kind, int size, String launcher, boolean srun) {

    /** Reads this process's environment. */
    public static LaunchEnvironment current() {
        return of(System.getenv());
    }

    /** Reads {@code env} as a launcher's environment. */
    public static LaunchEnvironment of(Map<String, String> env) {
        int slurmSize = number(env.get("SLURM_STEP_NUM_TASKS"), number(env.get("SLURM_NTASKS"), 0));
        boolean slurmStep = env.containsKey("SLURM_STEP_ID") && slurmSize > 0;
        if (env.containsKey("OMPI_COMM_WORLD_SIZE")) {
            return new LaunchEnvironment(MpiKind.OPEN_MPI, number(env.get("OMPI_COMM_WORLD_SIZE"), 0),
                    "Open MPI's mpirun (OMPI_COMM_WORLD_SIZE=" + env.get("OMPI_COMM_WORLD_SIZE") + ")", false);
        }
        if (env.containsKey("PMIX_RANK") || env.containsKey("PMIX_NAMESPACE")) {
            int size = slurmStep ? slurmSize : 0;
            return new LaunchEnvironment(MpiKind.OPEN_MPI, size, (slurmStep ? "srun --mpi=pmix" : "a PMIx launcher")
                    + " (PMIX_RANK=" + env.get("PMIX_RANK") + (slurmStep ? ", SLURM_STEP_NUM_TASKS=" + slurmSize : "") + ")",
                    slurmStep);
        }
        if (env.containsKey("PMI_SIZE") || env.containsKey("PMI_FD") || env.containsKey("PMI_PORT")) {
            int size = number(env.get("PMI_SIZE"), slurmStep ? slurmSize : 0);
            String who = slurmStep ? "srun --mpi=pmi2" : "MPICH's mpiexec (Hydra)";
            return new LaunchEnvironment(MpiKind.MPICH, size, who + " (PMI_SIZE=" + env.get("PMI_SIZE") + ")", slurmStep);
        }
        if (slurmStep) {
            return new LaunchEnvironment(null, slurmSize, "srun without an MPI plugin (SLURM_STEP_NUM_TASKS="
                    + slurmSize + "; start MPI ranks with srun --mpi=pmix for Open MPI or --mpi=pmi2 for MPICH)", true);
        }
        return new LaunchEnvironment(null, 0, "no MPI launcher", false);
    }

    private static int number(String s, int otherwise) {
        if (s == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
