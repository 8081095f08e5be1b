package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;
import org.jmpi.internal.MpiState;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/** The bodies of spawn, accept, connect and the parent lookup. */
final class DynamicCalls {
    /** Hints after which Open MPI looks for the program somewhere this process cannot check. */
    private static final Set<String> ELSEWHERE = Set.of("host", "add-host", "hostfile", "add-hostfile", "path",
            "wdir", "ompi_prefix");

    private static Comm parent;

    private DynamicCalls() {
    }

    static synchronized Optional<Comm> parent() {
        MpiState.checkCall();
        if (parent == null || parent.isFreed()) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment out = Abi.allocateHandle(arena);
                Errors.check(MpiCalls.MPI_Comm_get_parent(out), "MPI_Comm_get_parent");
                parent = Comm.created(out, "parent");
            }
        }
        return Optional.ofNullable(parent);
    }

    static Spawned spawn(Comm c, List<SpawnCommand> commands, int root, boolean multiple) {
        String call = multiple ? "spawnMultiple" : "spawn";
        TopologyCalls.intra(c, call);
        Args.root(root, c.size);
        boolean atRoot = c.rank == root;
        agree(c, root, atRoot ? refusal(c, commands) : null, call);
        int n = atRoot ? commands.size() : 0;
        int total = atRoot ? commands.stream().mapToInt(SpawnCommand::maxprocs).sum() : 0;
        Info[] infos = new Info[n];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment codes = atRoot ? arena.allocate(JAVA_INT, total) : MpiCalls.MPI_ERRCODES_IGNORE();
            MemorySegment out = Abi.allocateHandle(arena);
            int rc;
            try {
                for (int i = 0; i < n; i++) {
                    infos[i] = Info.temporary(commands.get(i).info(), "info");
                }
                if (!multiple) {
                    SpawnCommand s = atRoot ? commands.getFirst() : null;
                    rc = MpiCalls.MPI_Comm_spawn(atRoot ? arena.allocateFrom(s.command()) : MemorySegment.NULL,
                            atRoot ? argv(arena, s.args()) : MpiCalls.MPI_ARGV_NULL(), atRoot ? s.maxprocs() : 0,
                            atRoot ? infos[0].handle() : Handles.INFO_NULL, root, c.handle, out, codes);
                } else {
                    MemorySegment cmds = arena.allocate(ADDRESS, Math.max(1, n));
                    MemorySegment argvs = arena.allocate(ADDRESS, Math.max(1, n));
                    MemorySegment procs = arena.allocate(JAVA_INT, Math.max(1, n));
                    MemorySegment hints = Abi.allocateHandles(arena, Math.max(1, n));
                    for (int i = 0; i < n; i++) {
                        SpawnCommand s = commands.get(i);
                        cmds.setAtIndex(ADDRESS, i, arena.allocateFrom(s.command()));
                        argvs.setAtIndex(ADDRESS, i, argv(arena, s.args()));
                        procs.setAtIndex(JAVA_INT, i, s.maxprocs());
                        Abi.setHandle(hints, i, infos[i].handle());
                    }
                    rc = MpiCalls.MPI_Comm_spawn_multiple(n, cmds, argvs, procs, hints, root, c.handle, out, codes);
                }
            } finally {
                for (Info info : infos) {
                    if (info != null) {
                        info.close();
                    }
                }
            }
            Errors.check(rc, multiple ? "MPI_Comm_spawn_multiple" : "MPI_Comm_spawn");
            return new Spawned(Comm.created(out, "children of " + c.label()),
                    atRoot ? codes.toArray(JAVA_INT) : new int[0]);
        }
    }

    /** Why the root refuses to spawn {@code commands}, or null if it may. */
    private static String refusal(Comm c, List<SpawnCommand> commands) {
        if (commands == null || commands.isEmpty()) {
            return "commands: the root must name at least one command";
        }
        for (int i = 0; i < commands.size(); i++) {
            SpawnCommand s = commands.get(i);
            if (s == null) {
                return "commands[" + i + "]: null at the root";
            }
            if (s.nonMpi() != commands.getFirst().nonMpi()) {
                return "commands[" + i + "]: ompi_non_mpi must be set on all commands or none";
            }
            if (s.nonMpi() && c.size > 1) {
                return "commands[" + i + "]: Open MPI spawns a program that is not an MPI program"
                        + " (ompi_non_mpi) only from a communicator of one process, not of " + c.size;
            }
            String missing = missing(s);
            if (missing != null) {
                return (commands.size() == 1 ? "command: " : "commands[" + i + "]: ") + missing;
            }
        }
        return null;
    }

    /** Why {@code s}'s program cannot be started from here, or null when it can (or Open MPI looks elsewhere). */
    private static String missing(SpawnCommand s) {
        if (s.info().keySet().stream().anyMatch(ELSEWHERE::contains)) {
            return null;
        }
        String program = s.command();
        try {
            if (executable(Path.of(program)) || !program.contains("/") && onPath(program)) {
                return null;
            }
        } catch (InvalidPathException e) {
            return program + " is not a valid path: " + e.getMessage();
        }
        return program + " is not an executable file" + (program.contains("/") ? "" : " here or on PATH");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && executable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    /** A NULL-terminated C {@code argv} of {@code args}. */
    private static MemorySegment argv(Arena arena, List<String> args) {
        MemorySegment argv = arena.allocate(ADDRESS, args.size() + 1L);
        for (int i = 0; i < args.size(); i++) {
            argv.setAtIndex(ADDRESS, i, arena.allocateFrom(args.get(i)));
        }
        argv.setAtIndex(ADDRESS, args.size(), MemorySegment.NULL);
        return argv;
    }

    /** Accept ({@code accept} true) or connect on {@code port}, named at the root. */
    static Comm join(Comm c, String port, int root, boolean accept) {
        String call = accept ? "accept" : "connect";
        TopologyCalls.intra(c, call);
        Args.root(root, c.size);
        boolean atRoot = c.rank == root;
        agree(c, root, atRoot ? Port.refusal(port) : null, call);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = atRoot ? arena.allocateFrom(port) : MemorySegment.NULL;
            MemorySegment out = Abi.allocateHandle(arena);
            MemorySegment info = Handles.INFO_NULL;
            int rc = accept ? MpiCalls.MPI_Comm_accept(name, info, root, c.handle, out)
                    : MpiCalls.MPI_Comm_connect(name, info, root, c.handle, out);
            Errors.check(rc, accept ? "MPI_Comm_accept" : "MPI_Comm_connect");
            return Comm.created(out, (accept ? "accepted by " : "connected from ") + c.label());
        }
    }

    /**
     * Shares the root's verdict on its arguments (null: go ahead) with every process of
     * {@code c}, by broadcast; throws on every process when the root refused.
     */
    static void agree(Comm c, int root, String refusal, String call) {
        byte[] text = refusal == null ? new byte[0] : refusal.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment len = arena.allocate(JAVA_INT);
            len.set(JAVA_INT, 0, text.length);
            Errors.check(MpiCalls.MPI_Bcast(len, 1, Handles.INT, root, c.handle), "MPI_Bcast");
            int n = len.get(JAVA_INT, 0);
            if (n == 0) {
                return;
            }
            MemorySegment buf = arena.allocate(n);
            MemorySegment.copy(text, 0, buf, JAVA_BYTE, 0, text.length);
            Errors.check(MpiCalls.MPI_Bcast(buf, n, Handles.BYTE, root, c.handle), "MPI_Bcast");
            String message = new String(buf.toArray(JAVA_BYTE), StandardCharsets.UTF_8);
            throw new IllegalArgumentException(c.rank == root ? message
                    : call + ": refused by the root (rank " + root + "): " + message);
        }
    }
}
