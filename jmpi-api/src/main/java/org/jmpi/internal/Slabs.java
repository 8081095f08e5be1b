package org.jmpi.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Zeroed native memory for many small objects that live as long as a Java object holds
 * them (statuses): slices of shared slabs, each slab from an automatic arena of its own,
 * so that an object costs a slice rather than an arena and a cleaner. A slab is freed
 * once no slice of it is reachable. Slices are never reused, so each starts zeroed.
 * Thread-safe and lock-free but for the switch to a new slab. A slab is 64 KiB, so that
 * making its arena (a cleaner, a malloc and zeroing) is paid once per 2,048 statuses; a
 * status kept for long keeps its slab's 64 KiB. Not public API.
 */
public final class Slabs {
    /** Bytes of one slab. */
    static final long SLAB = 64 << 10;
    /** The alignment of every slice. */
    static final long ALIGN = 16;

    private static volatile Slab current = new Slab();

    private Slabs() {
    }

    /** One slab and how much of it is handed out. */
    private static final class Slab {
        final MemorySegment memory = Arena.ofAuto().allocate(SLAB, ALIGN);
        final AtomicLong next = new AtomicLong();
    }

    /** Zeroed native memory for {@code layout}, at most {@link #SLAB} bytes, aligned to {@link #ALIGN}. */
    public static MemorySegment allocate(MemoryLayout layout) {
        long size = layout.byteSize();
        if (size > SLAB || layout.byteAlignment() > ALIGN) {
            return Arena.ofAuto().allocate(layout);
        }
        long step = (size + ALIGN - 1) & -ALIGN;
        while (true) {
            Slab s = current;
            long at = s.next.getAndAdd(step);
            if (at + step <= SLAB) {
                return s.memory.asSlice(at, size);
            }
            synchronized (Slabs.class) {
                if (current == s) {
                    current = new Slab();
                }
            }
        }
    }
}
