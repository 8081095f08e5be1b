package mpi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jmpi.SpawnCommand;
import org.jmpi.Spawned;

/**
 * {@code MPI_Comm_spawn} and {@code MPI_Comm_spawn_multiple} on jmpi, and the parent of a
 * spawned process. A command {@code java} (or a path ending in {@code /java}) is given this
 * JVM's class path and {@code --enable-native-access=ALL-UNNAMED} unless its arguments set
 * a class path, a jar, or native access, so that the children find this library.
 */
final class Spawning {
    private Spawning() {
    }

    static Intercomm spawn(Intracomm comm, boolean single, String[] commands, String[][] argv, int[] maxprocs,
                           Info[] info, int root, int[] errcodes) throws MPIException {
        boolean atRoot = comm.getRank() == root;
        List<SpawnCommand> list = null;
        RuntimeException refused = null;
        if (atRoot) {
            try {
                list = commands(commands, argv, maxprocs, info);
            } catch (RuntimeException e) {
                refused = e;
            }
        }
        List<SpawnCommand> given = list;
        Spawned s;
        try {
            s = comm.call("MPI_Comm_spawn", c -> single ? c.spawn(given == null ? null : given.get(0), root)
                    : c.spawnMultiple(given, root));
        } catch (MPIException e) {
            throw refused != null ? comm.failure(refused, "MPI_Comm_spawn") : e;
        }
        if (errcodes != null) {
            int[] codes = s.errorCodes();
            System.arraycopy(codes, 0, errcodes, 0, Math.min(codes.length, errcodes.length));
        }
        return new Intercomm(s.intercomm(), comm.errhandler());
    }

    /** The commands given at the root, checked. */
    private static List<SpawnCommand> commands(String[] commands, String[][] argv, int[] maxprocs, Info[] info) {
        if (commands == null || maxprocs == null || commands.length != maxprocs.length || commands.length == 0
                || argv != null && argv.length != commands.length || info != null && info.length != commands.length) {
            throw Failure.arg(MPI.ERR_ARG, "commands, argv, maxprocs and info: null, empty or of different lengths");
        }
        List<SpawnCommand> list = new ArrayList<>();
        for (int i = 0; i < commands.length; i++) {
            Map<String, String> hints = info == null ? Map.of() : hints(info[i]);
            list.add(command(commands[i], argv == null ? null : argv[i], maxprocs[i]).withInfo(hints));
        }
        return list;
    }

    private static Map<String, String> hints(Info info) {
        try {
            org.jmpi.Info i = Info.jmpiOf(info);
            return i == null ? Map.of() : i.toMap();
        } catch (MPIException e) {
            throw Failure.arg(MPI.ERR_INFO, "info: " + e.getMessage());
        }
    }

    /** The command to start, a {@code java} command completed with what the children need. */
    static SpawnCommand command(String command, String[] argv, int maxprocs) {
        if (command == null) {
            throw Failure.arg(MPI.ERR_SPAWN, "command: null");
        }
        List<String> args = new ArrayList<>(argv == null ? List.of() : List.of(argv));
        boolean java = command.equals("java") || command.endsWith("/java");
        if (!java) {
            return new SpawnCommand(command, args, maxprocs, Map.of());
        }
        List<String> line = new ArrayList<>();
        if (args.stream().noneMatch(a -> a.startsWith("--enable-native-access"))) {
            line.add("--enable-native-access=ALL-UNNAMED");
        }
        if (args.stream().noneMatch(a -> a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")
                || a.startsWith("--class-path=") || a.equals("-jar") || a.equals("-p") || a.equals("--module-path"))) {
            line.add("-cp");
            line.add(System.getProperty("java.class.path"));
        }
        line.addAll(args);
        String exe = command.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                : command;
        return new SpawnCommand(exe, line, maxprocs, Map.of());
    }

    /** The parent intercommunicator, or a null one. */
    static Intercomm parent() {
        return org.jmpi.Comm.parent().map(c -> new Intercomm(c, MPI.ERRORS_ARE_FATAL))
                .orElseGet(() -> new Intercomm(null, MPI.ERRORS_ARE_FATAL));
    }
}
