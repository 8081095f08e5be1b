package org.jmpi;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Objects;
import org.jmpi.bindings.access.NativeAccess;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Native bytes of an encoded object message, in C-heap memory ({@code malloc},
 * {@code realloc}, {@code free}): no arena to close on a particular thread and no wait for
 * the garbage collector, and a size beyond 2^31 - 1 bytes. Written as an
 * {@link OutputStream} (growing geometrically), read as an {@link InputStream}
 * ({@link #reader}); {@link #free()} releases the memory exactly once. Not thread-safe.
 */
final class ObjectBuffer extends OutputStream {
    private static final MethodHandle MALLOC = NativeAccess.libc("malloc", FunctionDescriptor.of(ADDRESS, JAVA_LONG));
    private static final MethodHandle REALLOC = NativeAccess.libc("realloc", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle FREE = NativeAccess.libc("free", FunctionDescriptor.ofVoid(ADDRESS));

    private MemorySegment memory;
    private long size;

    private ObjectBuffer(long capacity) {
        memory = allocate(null, Math.max(1, capacity));
    }

    /** An empty buffer to write into. */
    static ObjectBuffer growing() {
        return new ObjectBuffer(512);
    }

    /** A buffer of exactly {@code size} bytes (contents undefined), to receive into. */
    static ObjectBuffer ofSize(long size) {
        ObjectBuffer b = new ObjectBuffer(size);
        b.size = size;
        return b;
    }

    /** The bytes written (or the size given), as a native segment valid until {@link #free()}. */
    MemorySegment segment() {
        return live().asSlice(0, size);
    }

    /** How many bytes are in the buffer. */
    long size() {
        return size;
    }

    /** A stream over bytes {@code [from, to)}. */
    InputStream reader(long from, long to) {
        MemorySegment seg = segment().asSlice(from, to - from);
        return new InputStream() {
            private long pos;

            @Override
            public int read() {
                return pos < seg.byteSize() ? seg.get(JAVA_BYTE, pos++) & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Objects.checkFromIndexSize(off, len, b.length);
                if (len == 0) {
                    return 0;
                }
                long left = seg.byteSize() - pos;
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                MemorySegment.copy(seg, JAVA_BYTE, pos, b, off, n);
                pos += n;
                return n;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, seg.byteSize() - pos);
            }
        };
    }

    @Override
    public void write(int b) {
        ensure(1);
        memory.set(JAVA_BYTE, size++, (byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        ensure(len);
        MemorySegment.copy(b, off, memory, JAVA_BYTE, size, len);
        size += len;
    }

    /** Does nothing: a codec may close its stream; the memory goes with {@link #free()}. */
    @Override
    public void close() {
    }

    /** Releases the memory; later calls do nothing. */
    void free() {
        MemorySegment m = memory;
        if (m != null) {
            memory = null;
            try {
                FREE.invokeExact(m);
            } catch (Throwable t) {
                throw new IllegalStateException("free failed", t);
            }
        }
    }

    private MemorySegment live() {
        if (memory == null) {
            throw new IllegalStateException("object buffer: already freed");
        }
        return memory;
    }

    private void ensure(long more) {
        long need = Math.addExact(size, more);
        long capacity = live().byteSize();
        if (need > capacity) {
            memory = allocate(memory, Math.max(need, capacity + (capacity >> 1) + 64));
        }
    }

    /** {@code malloc} ({@code old} null) or {@code realloc}; the result sized to {@code bytes}. */
    private static MemorySegment allocate(MemorySegment old, long bytes) {
        MemorySegment p;
        try {
            p = old == null ? (MemorySegment) MALLOC.invokeExact(bytes) : (MemorySegment) REALLOC.invokeExact(old, bytes);
        } catch (Throwable t) {
            throw new IllegalStateException("malloc/realloc failed", t);
        }
        if (p.address() == 0) {
            throw new OutOfMemoryError("cannot allocate " + bytes + " bytes of native memory for an object message");
        }
        return NativeAccess.sized(p, bytes);
    }
}
