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
            System.err.println("usage: java org.jmpi.RankMain MainClass [args...]");
            System.exit(2);
        }
        MethodHandle main;
        try {
            Class<?> type = Class.forName(args[0], true, Thread.currentThread().getContextClassLoader());
            main = MethodHandles.publicLookup().findStatic(type, "main",
                    MethodType.methodType(void.class, String[].class));
        } catch (ClassNotFoundException e) {
            System.err.println("jmpi: no class " + args[0] + " on the class path");
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
}
