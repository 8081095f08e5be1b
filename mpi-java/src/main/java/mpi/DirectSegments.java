package mpi;

import java.lang.foreign.MemorySegment;
import java.nio.Buffer;

/**
 * The memory segments of direct buffers, remembered per thread for the last two buffers
 * it passed: a program sends and receives from the same few buffers again and again, and
 * {@link MemorySegment#ofBuffer} makes a new segment and scope each time. A segment covers
 * its buffer's whole capacity from element 0, which the API counts from whatever the
 * position and limit, so the buffer's identity is the key. The two buffers stay reachable
 * until the thread passes two others (or ends); {@link #forget()} lets go of them.
 */
final class DirectSegments {
    private static final ThreadLocal<DirectSegments> LOCAL = ThreadLocal.withInitial(DirectSegments::new);

    private Buffer first;
    private MemorySegment firstSegment;
    private Buffer second;
    private MemorySegment secondSegment;

    private DirectSegments() {
    }

    /** All of the direct (or non-array) buffer {@code b}, from element 0 to its capacity. */
    static MemorySegment of(Buffer b) {
        DirectSegments d = LOCAL.get();
        if (b == d.first) {
            return d.firstSegment;
        }
        if (b == d.second) {
            return d.secondSegment;
        }
        // ofBuffer covers position to limit; the API counts from element 0 of the capacity
        MemorySegment s = MemorySegment.ofBuffer(b.position() == 0 && b.limit() == b.capacity() ? b
                : b.duplicate().clear());
        d.second = d.first;
        d.secondSegment = d.firstSegment;
        d.first = b;
        d.firstSegment = s;
        return s;
    }

    /** Lets go of this thread's buffers. */
    static void forget() {
        LOCAL.remove();
    }
}
