package org.jmpi.internal;

import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Staging memory: large buffers that are freed come back from the pool to later
 * allocations of their size class, sized as asked and fully writable; small ones and
 * ones above the largest class are not kept.
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
    void sizeClassesCoverTheMmapRangeOnly() {
        assertEquals(-1, StagingPool.sizeClass(64 << 10));
        assertEquals(0, StagingPool.sizeClass(128 << 10));
        assertEquals(1, StagingPool.sizeClass((128 << 10) + 1));
        assertEquals(StagingPool.MAX_SHIFT - StagingPool.MIN_SHIFT, StagingPool.sizeClass(64L << 20));
        assertEquals(-1, StagingPool.sizeClass((64L << 20) + 1));
        assertEquals(1L << 20, StagingPool.classBytes(StagingPool.sizeClass(1_000_000)));
    }
}
