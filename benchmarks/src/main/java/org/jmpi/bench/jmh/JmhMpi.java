package org.jmpi.bench.jmh;

import java.util.EnumMap;
import java.util.Map;
import org.jmpi.Mpi;
import org.jmpi.ThreadLevel;
import org.jmpi.dsm.DsmContext;

/**
 * MPI (and DSM contexts over {@code MPI_COMM_SELF}) for the JMH benchmarks: initialised
 * once per JVM, without a launcher (singleton start: Open MPI's and MPICH's alike; the MPI
 * is {@code -Djmpi.mpi}, which JMH's forks inherit), at
 * {@link ThreadLevel#SERIALIZED} because JMH calls from its worker threads; finalised by
 * a shutdown hook, since MPI cannot be initialised again after that.
 */
final class JmhMpi {
    /** Which DSM path a benchmark takes. */
    enum Path {
        /** The window mapped into this process ({@code ucp_rkey_ptr}): puts and gets are copies. */
        DIRECT,
        /** Through UCP's loopback endpoint. */
        UCP
    }

    private static Mpi mpi;
    private static final Map<Path, DsmContext> DSM = new EnumMap<>(Path.class);

    private JmhMpi() {
    }

    /** The process's Mpi, initialising it on first use. */
    static synchronized Mpi mpi() {
        if (mpi == null) {
            mpi = Mpi.init(ThreadLevel.SERIALIZED);
            Runtime.getRuntime().addShutdownHook(new Thread(JmhMpi::finish, "jmpi-jmh-finalize"));
        }
        return mpi;
    }

    /** A DSM context over {@code MPI_COMM_SELF} taking {@code path}, created on first use. */
    static synchronized DsmContext dsm(Path path) {
        Mpi m = mpi();
        return DSM.computeIfAbsent(path, p -> DsmContext.create(m.self(), p == Path.DIRECT));
    }

    private static synchronized void finish() {
        DSM.values().forEach(DsmContext::close);
        DSM.clear();
        if (mpi != null) {
            mpi.close();
        }
    }
}
