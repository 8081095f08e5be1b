package org.jmpi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link DynamicProcesses#spawn} starts: {@code maxprocs} copies of {@code command}
 * with {@code args} (not including the program name), placed as the {@code info} hints
 * say. Open MPI 4.1 reads, among others, {@code host}, {@code add-host}, {@code wdir},
 * {@code path}, {@code env}, {@code map_by} ({@code ":OVERSUBSCRIBE"} lets a job started
 * without {@code mpirun --oversubscribe} spawn more processes than there are cores) and
 * {@code ompi_non_mpi} ({@code "true"} for a program that never calls {@code MPI_Init}:
 * no intercommunicator is made, and Open MPI allows it only from a communicator of one
 * process, such as {@link Mpi#self()}). Immutable; the lists and map are copied.
 *
 * @param command  the program: a path, or a name looked up on {@code PATH}
 * @param args     its arguments
 * @param maxprocs how many copies to start, at least 1
 * @param info     the hints passed as an {@code MPI_Info} (in iteration order), checked as {@link Info} checks its entries
 */
public record SpawnCommand(String command, List<String> args, int maxprocs, Map<String, String> info) {

    /** Checks and copies the parts. */
    public SpawnCommand {
        Objects.requireNonNull(command, "command");
        if (command.isEmpty() || command.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("command: must be a non-empty string without NUL characters");
        }
        Objects.requireNonNull(args, "args");
        List<String> copy = new ArrayList<>(args.size());
        for (int i = 0; i < args.size(); i++) {
            String a = Objects.requireNonNull(args.get(i), "args[" + i + "]");
            if (a.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("args[" + i + "]: holds a NUL character");
            }
            copy.add(a);
        }
        args = Collections.unmodifiableList(copy);
        if (maxprocs < 1) {
            throw new IllegalArgumentException("maxprocs: must be at least 1, got " + maxprocs);
        }
        info = InfoRule.copy(info, "info");
    }

    /** {@code maxprocs} copies of {@code command} with {@code args} and no hints. */
    public static SpawnCommand of(String command, int maxprocs, String... args) {
        return new SpawnCommand(command, List.of(args), maxprocs, Map.of());
    }

    /**
     * {@code maxprocs} Java ranks running {@code mainClass} with {@code args}: this JVM's
     * {@code java} ({@code java.home}), its class path and
     * {@code --enable-native-access=ALL-UNNAMED}, so the children can use jmpi.
     */
    public static SpawnCommand java(String mainClass, int maxprocs, String... args) {
        return java(List.of(), mainClass, maxprocs, List.of(args));
    }

    /** As {@link #java(String, int, String...)}, with JVM options placed before the main class. */
    public static SpawnCommand java(List<String> jvmOptions, String mainClass, int maxprocs, List<String> args) {
        Objects.requireNonNull(mainClass, "mainClass");
        List<String> line = new ArrayList<>();
        line.add("--enable-native-access=ALL-UNNAMED");
        line.addAll(Objects.requireNonNull(jvmOptions, "jvmOptions"));
        line.add("-cp");
        line.add(System.getProperty("java.class.path"));
        line.add(mainClass);
        line.addAll(Objects.requireNonNull(args, "args"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new SpawnCommand(java, line, maxprocs, Map.of());
    }

    /** This command with {@code info} as its hints. */
    public SpawnCommand withInfo(Map<String, String> info) {
        return new SpawnCommand(command, args, maxprocs, info);
    }

    /** Whether the hints say the program does not use MPI ({@code ompi_non_mpi}, read as Open MPI does). */
    public boolean nonMpi() {
        String v = info.get("ompi_non_mpi");
        if (v == null) {
            return false;
        }
        v = v.strip();
        try {
            return Integer.parseInt(v) != 0;
        } catch (NumberFormatException e) {
            return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes");
        }
    }
}
