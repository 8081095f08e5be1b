package org.jmpi.internal;

import java.lang.foreign.MemorySegment;
import java.util.HashSet;
import java.util.Set;

import org.jmpi.bindings.access.NativeAccess;
import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Staging memory: buffers from 4 KiB to 64 MiB that are freed come back from the pool to
 * later allocations of their size class, sized as asked and fully writable; a full pool
 * makes room for a new size by evicting the old ones.
 */
class StagingPoolTest {

    @Test
    void aFreedLargeBufferServesTheNextAllocationOfItsClass() {
        MemorySegment a = Staging.allocate(1_000_000);
        assertEquals(1_000_000, a.byteSize());
        long address = a.address();
        Staging.free(a);
        // 1 MiB is the same class (rounded up to a power of two), and all of it is usable
        MemorySegment b = Staging.allocate(1 << 20);
        try {
            assertEquals(address, b.address());
            assertEquals(1 << 20, b.byteSize());
            b.set(JAVA_LONG, (1 << 20) - 8, 42L);
            assertEquals(42L, b.get(JAVA_LONG, (1 << 20) - 8));
        } finally {
            Staging.free(b);
        }
    }

    @Test
    void classesDoNotMix() {
        MemorySegment big = Staging.allocate(3 << 20);
        long address = big.address();
        Staging.free(big);
        // a 1 MiB request must not get the 4 MiB class's buffer, and it is not handed out twice
        MemorySegment small = Staging.allocate(1 << 20);
        MemorySegment again = Staging.allocate(4 << 20);
        MemorySegment third = Staging.allocate(4 << 20);
        try {
            assertNotEquals(address, small.address());
            assertEquals(address, again.address());
            assertNotEquals(address, third.address());
        } finally {
            Staging.free(small);
            Staging.free(again);
            Staging.free(third);
        }
    }

    @Test
    void sizeClassesRunFromFourKibToSixtyFourMib() {
        assertEquals(-1, StagingPool.sizeClass(4095));
        assertEquals(0, StagingPool.sizeClass(4096));
        assertEquals(1, StagingPool.sizeClass(4097));
        assertEquals(4, StagingPool.sizeClass(64 << 10));
        assertEquals(StagingPool.MAX_SHIFT - StagingPool.MIN_SHIFT, StagingPool.sizeClass(64L << 20));
        assertEquals(-1, StagingPool.sizeClass((64L << 20) + 1));
        assertEquals(1L << 20, StagingPool.classBytes(StagingPool.sizeClass(1_000_000)));
    }

    @Test
    void aNewSizeEvictsTheOldOnesWhenThePoolIsFull() {
        long limit = StagingPool.DEFAULT_LIMIT_MIB << 20;
        // fill the pool with 2 MiB buffers, as a program's earlier message size would
        MemorySegment[] old = new MemorySegment[(int) (limit / (2 << 20))];
        for (int i = 0; i < old.length; i++) {
            old[i] = Staging.allocate(2 << 20);
        }
        for (MemorySegment m : old) {
            Staging.free(m);
        }
        // a window of 4 MiB buffers that fills the pool on its own is kept whole
        MemorySegment[] window = new MemorySegment[(int) (limit / (4 << 20))];
        Set<Long> addresses = new HashSet<>();
        for (int i = 0; i < window.length; i++) {
            window[i] = Staging.allocate(4 << 20);
            addresses.add(window[i].address());
        }
        for (MemorySegment m : window) {
            Staging.free(m);
        }
        // all of them are in the pool (an unmapped one could come back at its old address)
        int c = StagingPool.sizeClass(4 << 20);
        MemorySegment[] kept = new MemorySegment[window.length];
        try {
            for (int i = 0; i < kept.length; i++) {
                kept[i] = StagingPool.take(c);
                assertTrue(kept[i] != null && addresses.contains(kept[i].address()), "4 MiB buffer " + i + " was not kept");
            }
        } finally {
            for (MemorySegment m : kept) {
                if (m != null) {
                    Staging.free(NativeAccess.sized(m, 4 << 20));
                }
            }
        }
    }
}
