package mpi;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code handle} numbers of this package's objects: a process-wide identifier per
 * communicator, datatype, group, info, request, ... (not a native MPI handle, which jmpi
 * does not expose), so that the protected constructors taking a handle can find the object
 * again. Entries do not keep their objects alive.
 */
final class Handles {
    private static final AtomicLong NEXT = new AtomicLong(1);
    private static final Map<Long, Entry> BY_ID = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> GONE = new ReferenceQueue<>();

    private Handles() {
    }

    private static final class Entry extends WeakReference<Object> {
        final long id;

        Entry(Object o, long id) {
            super(o, GONE);
            this.id = id;
        }
    }

    /** A new identifier for {@code o}. */
    static long register(Object o) {
        purge();
        long id = NEXT.getAndIncrement();
        BY_ID.put(id, new Entry(o, id));
        return id;
    }

    /** Forgets an identifier (its object was freed). */
    static void unregister(long id) {
        BY_ID.remove(id);
    }

    /** The object registered under {@code id} if it is a {@code type}, else an exception naming the handle. */
    static <T> T lookup(long id, Class<T> type) {
        Entry e = BY_ID.get(id);
        Object o = e == null ? null : e.get();
        if (!type.isInstance(o)) {
            throw new IllegalArgumentException("handle: " + id + " is no live " + type.getSimpleName());
        }
        return type.cast(o);
    }

    private static void purge() {
        for (Object r; (r = GONE.poll()) != null; ) {
            BY_ID.remove(((Entry) r).id, r);
        }
    }
}
