package org.jmpi.bench.dsm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.dsm.DsmRequest;
import org.jmpi.dsm.Window;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The data the ucx-dsm benchmarks move and check outside their timed loops, as the C
 * twins' {@code dsm_common.h}: byte patterns, their checks, and buffers cut into a
 * window's slices or arrays.
 */
final class DsmData {
    private DsmData() {
    }

    /** The byte at index {@code i} of a pattern; {@code salt} tells patterns apart (as in C). */
    static byte pattern(long i, long salt) {
        return (byte) ((i * 31 + salt * 7 + 1) & 0xff);
    }

    static void fill(MemorySegment s, long salt) {
        for (long i = 0; i < s.byteSize(); i++) {
            s.set(JAVA_BYTE, i, pattern(i, salt));
        }
    }

    /** Aborts the job unless {@code s} holds the pattern: corruption is a failure. */
    static void verify(DsmBench b, MemorySegment s, long salt, String what, long size) {
        verify(b, s, 0, salt, what, size);
    }

    /** Aborts the job unless {@code a} holds the pattern from index {@code offset}. */
    static void verify(DsmBench b, byte[] a, long offset, long salt, String what, long size) {
        verify(b, MemorySegment.ofArray(a), offset, salt, what, size);
    }

    private static void verify(DsmBench b, MemorySegment s, long offset, long salt, String what, long size) {
        for (long i = 0; i < s.byteSize(); i++) {
            byte v = s.get(JAVA_BYTE, i);
            if (v != pattern(offset + i, salt)) {
                b.fail(what + ": size " + size + ": byte " + (offset + i) + " is " + (v & 0xff) + ", expected "
                        + (pattern(offset + i, salt) & 0xff));
            }
        }
    }

    /** Reads {@code bytes} back from the target's window and aborts the job unless they hold the pattern. */
    static void verifyTarget(DsmBench b, Window win, long bytes, long salt, String what, long size) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment back = arena.allocate(bytes, 4096);
            win.get(back, DsmBench.TARGET, 0);
            verify(b, back, salt, what, size);
        }
    }

    /** {@code count} consecutive slices of {@code size} bytes of {@code all}. */
    static MemorySegment[] slices(MemorySegment all, long size, int count) {
        MemorySegment[] slices = new MemorySegment[count];
        for (int j = 0; j < count; j++) {
            slices[j] = all.asSlice(j * size, size);
        }
        return slices;
    }

    /** {@code count} arrays holding the consecutive slices of {@code size} bytes of {@code all}. */
    static byte[][] arrays(MemorySegment all, long size, int count) {
        byte[][] arrays = new byte[count][];
        for (int j = 0; j < count; j++) {
            arrays[j] = all.asSlice(j * size, size).toArray(JAVA_BYTE);
        }
        return arrays;
    }

    /** Waits for every request, in order. */
    static void waitAll(DsmRequest[] requests) {
        for (DsmRequest r : requests) {
            r.waitFor();
        }
    }
}
