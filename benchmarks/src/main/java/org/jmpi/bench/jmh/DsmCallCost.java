package org.jmpi.bench.jmh;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jmpi.Op;
import org.jmpi.dsm.DsmContext;
import org.jmpi.dsm.Window;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of DSM calls in one process: an 8-byte put and get (native segments), an
 * 8-byte put from a byte array, and a 64-bit fetch-add, all to this rank's own window of
 * a {@link DsmContext} over {@code MPI_COMM_SELF}, on the mapped path (copies and CPU
 * atomics) and through UCP's loopback endpoint.
 */
public class DsmCallCost extends CallCostSettings {
    /** {@code DIRECT} (the window mapped into the process) or {@code UCP} (loopback endpoint). */
    @Param({"DIRECT", "UCP"})
    public String path;

    private Window window;
    private Arena arena;
    private MemorySegment buf;
    private final byte[] array = new byte[8];

    /** Creates the context (once per JVM and path) and a 4 KiB window. */
    @Setup(Level.Trial)
    public void setup() {
        DsmContext ctx = JmhMpi.dsm(JmhMpi.Path.valueOf(path));
        window = ctx.allocate(4096);
        arena = Arena.ofShared();
        buf = arena.allocate(8);
    }

    /** Frees the window and the buffer. */
    @TearDown(Level.Trial)
    public void tearDown() {
        window.close();
        arena.close();
    }

    /** {@code Window.put} of 8 bytes from a native segment to this rank. */
    @Benchmark
    public void dsmPut() {
        window.put(buf, 0, 64);
    }

    /** {@code Window.get} of 8 bytes from this rank into a native segment. */
    @Benchmark
    public void dsmGet() {
        window.get(buf, 0, 64);
    }

    /** {@code Window.put} of a byte[8] to this rank. */
    @Benchmark
    public void dsmPutArray() {
        window.put(array, 0, 64);
    }

    /** {@code LongAtomics.fetchAndOp} of 1 ({@code Op.SUM}) on a 64-bit word of this rank. */
    @Benchmark
    public long dsmFetchAdd() {
        return window.longs().fetchAndOp(1, 0, 128, Op.SUM);
    }
}
