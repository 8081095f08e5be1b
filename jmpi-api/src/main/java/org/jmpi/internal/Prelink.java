package org.jmpi.internal;

import java.util.List;
import java.util.function.Supplier;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * With {@code -Djmpi.prelink=true}: links the native calls most programs make first
 * (point-to-point, completion and the small collectives) on a daemon thread while
 * {@code MPI_Init_thread} runs. The first call of each C signature makes the JDK generate
 * and load its downcall stub, 5 to 25 ms apiece on a cold JVM (the AOT cache cannot hold
 * them); the JDK keeps the stub per signature, so the program's own first call of the
 * function finds it ready. It trades start-up for warm-up: on the development VM a Hello
 * job started about 0.17 s later, and the first 10,000 calls of a ping-pong or an
 * allreduce ran two to three times faster (docs/startup.md), so it is off by default.
 * Failures are ignored: the program's call links the function itself. Not public API.
 */
public final class Prelink {
    /** The functions, in the order programs tend to reach them. */
    private static final List<Supplier<?>> FUNCTIONS = List.of(
            MpiCalls::MPI_Send$handle, MpiCalls::MPI_Recv$handle, MpiCalls::MPI_Isend$handle,
            MpiCalls::MPI_Irecv$handle, MpiCalls::MPI_Wait$handle, MpiCalls::MPI_Waitall$handle,
            MpiCalls::MPI_Test$handle, MpiCalls::MPI_Sendrecv$handle, MpiCalls::MPI_Allreduce$handle,
            MpiCalls::MPI_Reduce$handle, MpiCalls::MPI_Bcast$handle, MpiCalls::MPI_Barrier$handle,
            MpiCalls::MPI_Gather$handle, MpiCalls::MPI_Allgather$handle, MpiCalls::MPI_Get_count$handle,
            MpiCalls::MPI_Iprobe$handle);

    private Prelink() {
    }

    /** Starts linking on a daemon thread when {@code -Djmpi.prelink=true}. */
    public static void start() {
        if (Boolean.getBoolean("jmpi.prelink")) {
            Thread.ofPlatform().daemon().name("jmpi-prelink").start(Prelink::run);
        }
    }

    private static void run() {
        for (Supplier<?> f : FUNCTIONS) {
            try {
                f.get();
            } catch (RuntimeException | LinkageError e) {
                return; // the program's own call links it, and reports what fails
            }
        }
    }
}
