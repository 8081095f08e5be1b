package org.jmpi;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;

import org.jmpi.internal.JobGuard;

/**
 * The entry point {@code native-scripts/jmpirun} starts on every rank, as
 * {@code python -m mpi4py} does for Python: {@code java org.jmpi.RankMain MainClass args...}
 * runs {@code MainClass.main(args)} and then makes sure a failing rank ends the whole
 * job. If {@code main} throws, the stack trace is printed under a line naming the rank,
 * and the job is aborted ({@code MPI_Abort}); a {@code main} that throws inside
 * {@code try (Mpi mpi = Mpi.init())} would otherwise block in {@code MPI_Finalize} while
 * the other ranks wait for it. To make that possible, {@link Mpi#close()} called under
 * this launcher ends MPI for the application at once but leaves the native
 * {@code MPI_Finalize} until {@code main} has returned normally.
 *
 * <p>The main class is named as {@code java} names it: {@code MainClass} on the class
 * path, or {@code module/MainClass} (or just {@code module}, for the main class its
 * descriptor names) for a module of the boot layer, i.e. on the module path and resolved
 * ({@code jmpirun -p DIR -m module/MainClass} adds it with {@code --add-modules}). The
 * main class's package must be exported to {@code org.jmpi}; {@code jmpirun -m} passes
 * {@code --add-exports} for it, so the module itself need not export anything.
 */
public final class RankMain {
    private RankMain() {
    }

    /**
     * Runs {@code args[0]}'s {@code public static void main(String[])} with the remaining
     * arguments.
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: java org.jmpi.RankMain MainClass|module[/MainClass] [args...]");
            System.exit(2);
        }
        MethodHandle main;
        try {
            Class<?> type = mainClass(args[0]);
            // A named module reads only what it requires: read the main class's module
            // (no-op on the class path), then look main up with this module's access,
            // which a qualified export to org.jmpi satisfies.
            RankMain.class.getModule().addReads(type.getModule());
            main = MethodHandles.lookup().findStatic(type, "main",
                    MethodType.methodType(void.class, String[].class));
        } catch (ClassNotFoundException e) {
            System.err.println("jmpi: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IllegalAccessException e) {
            System.err.println("jmpi: " + args[0] + "'s main is not accessible to module org.jmpi: make "
                    + "the class public and its package exported to org.jmpi (jmpirun -m module/MainClass "
                    + "adds --add-exports module/package=org.jmpi): " + e.getMessage());
            System.exit(2);
            return;
        } catch (ReflectiveOperationException e) {
            System.err.println("jmpi: " + args[0] + " has no public static void main(String[]): " + e);
            System.exit(2);
            return;
        }
        JobGuard.deferFinalize();
        try {
            main.invoke((Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (Throwable t) {
            JobGuard.abort("uncaught exception in main (" + args[0] + ")", t);
        }
        JobGuard.finishDeferred();
    }

    /**
     * The class {@code name} names, initialised: a class of the context class loader (the
     * class path), else {@code module/class} or {@code module} (its descriptor's main class)
     * in the boot layer.
     */
    private static Class<?> mainClass(String name) throws ClassNotFoundException {
        int slash = name.indexOf('/');
        if (slash < 0) {
            try {
                return Class.forName(name, true, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                if (ModuleLayer.boot().findModule(name).isEmpty()) {
                    throw new ClassNotFoundException("no class " + name + " on the class path", e);
                }
                slash = name.length(); // a module of the boot layer: its main class
            }
        }
        String moduleName = name.substring(0, slash);
        Module module = ModuleLayer.boot().findModule(moduleName).orElseThrow(
                () -> new ClassNotFoundException("no module " + moduleName + " in the boot layer: put it on "
                        + "--module-path and add it with --add-modules " + moduleName));
        String className = slash + 1 < name.length() ? name.substring(slash + 1)
                : module.getDescriptor().mainClass().orElseThrow(() -> new ClassNotFoundException(
                        "module " + moduleName + " names no main class: use " + moduleName + "/MainClass"));
        Class<?> type = Class.forName(module, className);
        if (type == null) {
            throw new ClassNotFoundException("no class " + className + " in module " + moduleName);
        }
        return Class.forName(type.getName(), true, type.getClassLoader()); // initialised, as on the class path
    }
}
