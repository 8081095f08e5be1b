package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Known defects of the MPI library that would crash the process, detected per window so
 * the call is refused with an exception instead.
 *
 * <p>Open MPI before 4.1.5: osc/rdma (which serves {@code Win.create},
 * {@code createDynamic} and, with several processes, {@code allocate}) performs
 * compare-and-swap through vader's emulated atomics even between processes of one node,
 * and a process dies of SIGSEGV inside vader (open-mpi/ompi#7967, #11349; reproduced here
 * in C with 64-bit CAS under lock_all and in allocated windows under fence). 4.1.5
 * performs it in shared memory instead (open-mpi/ompi#10513). osc/rdma names its windows
 * {@code "rdma window <cid>"}, which is how the component is recognised; osc/sm
 * ({@code allocateShared}, or a single process) is not affected.
 */
final class WinQuirks {
    private static final Pattern OPEN_MPI = Pattern.compile("Open MPI v(\\d+)\\.(\\d+)\\.(\\d+)");
    private static volatile Boolean oldOpenMpi;

    private WinQuirks() {
    }

    /** Why compare-and-swap must be refused on this window, or null when it is safe. */
    static String compareAndSwapRefusal(MemorySegment win, int size) {
        if (size < 2 || !oldOpenMpi() || !name(win).startsWith("rdma window")) {
            return null;
        }
        return "compareAndSwap: refused on a window served by Open MPI's osc/rdma before 4.1.5, where it can"
                + " crash a process inside btl/vader (open-mpi/ompi#7967, #11349; fixed in 4.1.5); a window from"
                + " Win.allocateShared (osc/sm) supports compare-and-swap";
    }

    private static boolean oldOpenMpi() {
        Boolean old = oldOpenMpi;
        if (old == null) {
            Matcher m = OPEN_MPI.matcher(Mpi.libraryVersion());
            old = m.find() && version(m) < version(4, 1, 5);
            oldOpenMpi = old;
        }
        return old;
    }

    private static long version(Matcher m) {
        return version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    private static long version(int major, int minor, int release) {
        return major * 1_000_000L + minor * 1_000L + release;
    }

    private static String name(MemorySegment win) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = a.allocate(MpiCalls.MPI_MAX_OBJECT_NAME());
            MemorySegment len = a.allocate(JAVA_INT);
            Errors.check(MpiCalls.MPI_Win_get_name(win, name, len), "MPI_Win_get_name");
            return name.getString(0);
        }
    }
}
