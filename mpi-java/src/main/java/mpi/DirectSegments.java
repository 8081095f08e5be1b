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
    private MemorySegment firstPrefix;
    private Buffer second;
    private MemorySegment secondSegment;
    private MemorySegment secondPrefix;

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
        return d.remember(b);
    }

    /**
     * The first {@code bytes} of {@link #of(Buffer) b's segment}; the last such prefix of
     * each buffer is kept too, so a loop of calls on the same count makes no new segment.
     *
     * @throws IndexOutOfBoundsException if the buffer holds fewer bytes
     */
    static MemorySegment prefix(Buffer b, long bytes) {
        DirectSegments d = LOCAL.get();
        if (b != d.first && b != d.second) {
            d.remember(b);
        }
        boolean isFirst = b == d.first;
        MemorySegment whole = isFirst ? d.firstSegment : d.secondSegment;
        if (bytes == whole.byteSize()) {
            return whole;
        }
        MemorySegment kept = isFirst ? d.firstPrefix : d.secondPrefix;
        if (kept != null && kept.byteSize() == bytes) {
            return kept;
        }
        MemorySegment p = whole.asSlice(0, bytes);
        if (isFirst) {
            d.firstPrefix = p;
        } else {
            d.secondPrefix = p;
        }
        return p;
    }

    private MemorySegment remember(Buffer b) {
        // ofBuffer covers position to limit; the API counts from element 0 of the capacity
        MemorySegment s = MemorySegment.ofBuffer(b.position() == 0 && b.limit() == b.capacity() ? b
                : b.duplicate().clear());
        second = first;
        secondSegment = firstSegment;
        secondPrefix = firstPrefix;
        first = b;
        firstSegment = s;
        firstPrefix = null;
        return s;
    }

    /** Lets go of this thread's buffers. */
    static void forget() {
        LOCAL.remove();
    }
}
