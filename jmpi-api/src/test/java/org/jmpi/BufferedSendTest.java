package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jmpi.test.MpiTest;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buffered sends through an attached buffer, and what happens without one. */
class BufferedSendTest {

    @MpiTest
    void bufferedSendsReturnBeforeTheReceives() {
        Comm world = TestMpi.world();
        int peer = (world.rank() + 1) % world.size();
        int from = (world.rank() - 1 + world.size()) % world.size();
        int messages = 10;
        long need = messages * BsendBuffer.sizeFor(100, Datatype.INT, world);
        try (Arena arena = Arena.ofConfined();
             BsendBuffer buffer = TestMpi.mpi().attachBuffer(need)) {
            assertEquals(need, buffer.size());
            MemorySegment out = arena.allocate(JAVA_INT, 100);
            for (int m = 0; m < messages; m++) {
                out.fill((byte) 0);
                out.setAtIndex(JAVA_INT, m, world.rank() * 1000 + m);
                if (m % 3 == 0) {
                    world.ibsend(out, Datatype.INT, peer, m).waitFor();
                } else {
                    world.bsend(out, Datatype.INT, peer, m);
                }
            }
            world.barrier(); // every rank buffered all its messages before anyone received
            MemorySegment in = arena.allocate(JAVA_INT, 100);
            for (int m = messages - 1; m >= 0; m--) {
                world.recv(in, Datatype.INT, from, m);
                assertEquals(from * 1000 + m, in.getAtIndex(JAVA_INT, m));
            }
            IllegalStateException twice = assertThrows(IllegalStateException.class,
                    () -> TestMpi.mpi().attachBuffer(64));
            assertTrue(twice.getMessage().contains("already attached"), twice.getMessage());
        }
        world.barrier();
    }

    @MpiTest
    void persistentBufferedSend() {
        Comm world = TestMpi.world();
        int peer = (world.rank() + 1) % world.size();
        int from = (world.rank() - 1 + world.size()) % world.size();
        try (Arena arena = Arena.ofConfined();
             BsendBuffer ignored = TestMpi.mpi().attachBuffer(BsendBuffer.sizeFor(4, Datatype.INT, world))) {
            MemorySegment out = arena.allocate(JAVA_INT, 4);
            MemorySegment in = arena.allocate(JAVA_INT, 4);
            try (Request send = world.bsendInit(out, Datatype.INT, peer, 2)) {
                for (int round = 0; round < 5; round++) {
                    out.setAtIndex(JAVA_INT, 2, round + world.rank());
                    send.start();
                    send.waitFor();
                    world.recv(in, Datatype.INT, from, 2);
                    assertEquals(round + from, in.getAtIndex(JAVA_INT, 2));
                }
            }
        }
    }

    @MpiTest(np = 1)
    void withoutABufferBsendIsAnMpiError() {
        Comm world = TestMpi.world();
        MemorySegment big = MemorySegment.ofArray(new int[256 * 1024]);
        MpiException e = assertThrows(MpiException.class, () -> world.bsend(big, Datatype.INT, 0, 1));
        assertTrue(e.getMessage().contains("MPI_Bsend"), e.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> TestMpi.mpi().attachBuffer(-1));
        assertTrue(size.getMessage().startsWith("bytes"), size.getMessage());
    }
}
