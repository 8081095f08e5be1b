package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ports: the job splits in two halves, one accepts on a port whose name it sends to the
 * other, which connects; the halves then talk over the intercommunicator. Also the name
 * service and the refusals.
 */
class PortTest {

    @MpiTest(np = {2, 4})
    void halvesConnectThroughAPort() {
        if (TestMpi.mpich()) {
            TestMpi.assertNoPortsOnMpich();
            return;
        }
        Comm world = TestMpi.world();
        int n = world.size();
        int half = n / 2;
        boolean server = world.rank() < half;
        try (Comm local = world.split(server ? 0 : 1, world.rank())) {
            Port port = world.rank() == 0 ? Port.open() : null;
            byte[] name = new byte[1024];
            if (world.rank() == 0) {
                byte[] text = port.name().getBytes(StandardCharsets.UTF_8);
                world.send(text, half, 0);
            } else if (world.rank() == half) {
                name = Arrays.copyOf(name, world.recv(name, 0, 0).count(Datatype.INT8));
            }
            String portName = world.rank() == 0 ? port.name()
                    : world.rank() == half ? new String(name, StandardCharsets.UTF_8) : null;
            try (Comm other = server ? local.accept(portName, 0) : local.connect(portName, 0)) {
                assertTrue(other.isInter());
                assertEquals(server ? n - half : half, other.remoteSize());
                int[] sum = new int[1];
                other.allreduce(new int[] {world.rank()}, sum, Op.SUM);
                int lower = (half - 1) * half / 2;
                assertEquals(server ? n * (n - 1) / 2 - lower : lower, sum[0]);
                if (server && local.rank() == 0) {
                    for (int j = 0; j < other.remoteSize(); j++) {
                        other.send(new int[] {77 + j}, j, 5);
                    }
                } else if (!server) {
                    int[] got = new int[1];
                    other.recv(got, 0, 5);
                    assertEquals(77 + local.rank(), got[0]);
                }
                try (Comm merged = other.merge(!server); Arena arena = Arena.ofConfined()) {
                    assertEquals(n, merged.size());
                    assertEquals(world.rank(), merged.rank());
                    MemorySegment ranks = arena.allocate(JAVA_INT, n);
                    merged.allgather(arena.allocateFrom(JAVA_INT, world.rank()), ranks, Datatype.INT);
                    for (int i = 0; i < n; i++) {
                        assertEquals(i, ranks.getAtIndex(JAVA_INT, i), "merged rank " + i);
                    }
                }
                other.disconnect();
            }
            if (port != null) {
                port.close();
            }
        }
    }

    @MpiTest
    void publishLookupAndUnpublish() {
        if (TestMpi.mpich()) {
            TestMpi.assertNoPortsOnMpich();
            return;
        }
        Comm world = TestMpi.world();
        // Rank 0's launcher pid names the service (ranks on other hosts have other parents).
        long[] job = {ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L)};
        world.bcast(job, 0);
        String service = "jmpi-port-test-" + job[0];
        Port port = world.rank() == 0 ? Port.open() : null;
        String[] published = new String[1];
        if (port != null) {
            assertFalse(port.name().isEmpty());
            port.publish(service);
            published[0] = port.name();
        }
        world.barrier();
        Optional<String> found = Port.lookup(service);
        assertTrue(found.isPresent(), "published under " + service);
        byte[] mine = found.get().getBytes(StandardCharsets.UTF_8);
        byte[] first = Arrays.copyOf(mine, 256);
        world.bcast(first, 0);
        assertArrayEquals(Arrays.copyOf(mine, 256), first, "every rank finds the name rank 0 found");
        world.barrier();
        if (port != null) {
            assertEquals(published[0], found.get());
            port.unpublish(service);
        }
        world.barrier();
        assertEquals(Optional.empty(), Port.lookup(service));
        if (port != null) {
            port.close();
            port.close();
            Checks.fails(IllegalStateException.class, "has been closed", port::name);
        }
    }

    @MpiTest
    void refusals() {
        if (TestMpi.mpich()) {
            TestMpi.assertNoPortsOnMpich();
            return;
        }
        Comm world = TestMpi.world();
        int n = world.size();
        String nullPort = world.rank() == 0 ? "port: null at the root"
                : "connect: refused by the root (rank 0): port: null";
        Checks.fails(IllegalArgumentException.class, nullPort, () -> world.connect(null, 0));
        Checks.fails(IllegalArgumentException.class, "is not a port name", () -> world.accept("", 0));
        Checks.fails(IllegalArgumentException.class, "root: rank " + n, () -> world.accept("x", n));
        Checks.fails(NullPointerException.class, "service", () -> Port.lookup(null));
        try (Port port = Port.open()) {
            Checks.fails(IllegalArgumentException.class, "service: must be a non-empty name", () -> port.publish(""));
        }
        world.barrier();
    }
}
