package org.jmpi;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Intercommunicators between group A = {world rank 0} and group B = {the others} (1 and 1
 * process at np=2, 1 and 3 at np=4, so local and remote sizes differ): creation, queries,
 * point-to-point to remote ranks beyond the local size, merge, and the argument checks.
 * The collectives over it are in {@link IntercommCollectiveTest}.
 */
class IntercommTest {

    /**
     * The intercommunicator between A and B with what the tests need to know about it;
     * closing it frees the intercommunicator and this rank's group communicator.
     */
    record Pair(Comm world, boolean a, Comm local, Comm inter) implements AutoCloseable {
        static Pair open() {
            Comm world = TestMpi.world();
            boolean a = world.rank() == 0;
            Comm local = world.split(a ? 0 : 1, world.rank());
            return new Pair(world, a, local, local.intercommCreate(0, world, a ? 1 : 0, 7));
        }

        /** The size of group B. */
        int bSize() {
            return world.size() - 1;
        }

        /** The world rank of process {@code i} of the remote group. */
        int remoteWorld(int i) {
            return a ? i + 1 : 0;
        }

        @Override
        public void close() {
            inter.close();
            local.close();
        }
    }

    @MpiTest(np = {2, 4})
    void queriesAndRemoteGroup() {
        try (Pair p = Pair.open()) {
            Comm world = p.world();
            Comm inter = p.inter();
            int n = world.size();
            assertTrue(inter.isInter());
            assertFalse(p.local().isInter());
            assertEquals(p.local().size(), inter.size());
            assertEquals(p.local().rank(), inter.rank());
            assertEquals(p.a() ? n - 1 : 1, inter.remoteSize());
            try (Group remote = inter.remoteGroup(); Group all = world.group()) {
                assertEquals(inter.remoteSize(), remote.size());
                int[] remoteRanks = new int[remote.size()];
                int[] expected = new int[remote.size()];
                for (int i = 0; i < remoteRanks.length; i++) {
                    remoteRanks[i] = i;
                    expected[i] = p.remoteWorld(i);
                }
                assertArrayEquals(expected, remote.translateRanks(remoteRanks, all));
            }
        }
    }

    @MpiTest(np = {2, 4})
    void pointToPointAddressesRemoteRanks() {
        try (Pair p = Pair.open()) {
            Comm world = p.world();
            Comm inter = p.inter();
            if (p.a()) {
                for (int j = 0; j < inter.remoteSize(); j++) {
                    inter.send(new int[] {100 + j}, j, 3);
                }
                for (int j = 0; j < inter.remoteSize(); j++) {
                    int[] back = new int[1];
                    Status st = inter.recv(back, Comm.ANY_SOURCE, 4);
                    assertEquals(2 * (100 + st.source()), back[0]);
                }
            } else {
                int[] got = new int[1];
                inter.recv(got, 0, 3);
                assertEquals(100 + inter.rank(), got[0]);
                inter.send(new int[] {2 * got[0]}, 0, 4);
            }
        }
    }

    @MpiTest(np = {2, 4})
    void mergeOrdersTheLowGroupFirst() {
        try (Pair p = Pair.open()) {
            Comm world = p.world();
            Comm inter = p.inter();
            try (Comm low = inter.merge(!p.a()); Comm high = inter.merge(p.a())) {
                assertFalse(low.isInter());
                assertEquals(world.size(), low.size());
                assertEquals(world.rank(), low.rank());
                assertEquals(p.a() ? world.size() - 1 : world.rank() - 1, high.rank());
                int[] sum = {world.rank()};
                high.allreduce(sum, Op.SUM);
                assertEquals(world.size() * (world.size() - 1) / 2, sum[0]);
            }
        }
    }

    @MpiTest(np = {2, 4})
    void intercommunicatorArgumentChecks() {
        try (Pair p = Pair.open()) {
            Comm world = p.world();
            Comm inter = p.inter();
            int remote = inter.remoteSize();
            Checks.fails(IllegalArgumentException.class, "root: " + remote + " is neither a rank of the remote group",
                    () -> inter.bcast(new int[1], remote));
            Checks.fails(IllegalArgumentException.class, "root: -5 is neither",
                    () -> inter.bcast(new int[1], -5));
            Checks.fails(IllegalArgumentException.class, "IN_PLACE is not accepted on an intercommunicator",
                    () -> inter.allreduce(new int[1], Op.SUM));
            Checks.fails(IllegalStateException.class, "MPI_Scan is not defined on an intercommunicator",
                    () -> inter.scan(null, null, Datatype.INT, Op.SUM));
            Checks.fails(IllegalArgumentException.class, "dest: rank " + remote,
                    () -> inter.send(new int[1], remote, 0));
            Checks.fails(IllegalStateException.class, "intercommCreate needs an intracommunicator",
                    () -> inter.intercommCreate(0, world, 0, 0));
            Checks.fails(IllegalStateException.class, "cartCreate needs an intracommunicator",
                    () -> inter.cartCreate(new int[] {1}, new boolean[1], false));
            Checks.fails(IllegalStateException.class, "spawn needs an intracommunicator",
                    () -> inter.spawn(SpawnCommand.of("/bin/true", 1), 0));
            Checks.fails(IllegalStateException.class, "has no topology", () -> inter.neighborAllgather(null, null,
                    Datatype.INT));
        }
    }

    @MpiTest
    void intracommunicatorRefusals() {
        Comm world = TestMpi.world();
        int n = world.size();
        assertFalse(world.isInter());
        Checks.fails(IllegalStateException.class, "remoteSize needs an intercommunicator", world::remoteSize);
        Checks.fails(IllegalStateException.class, "remoteGroup needs an intercommunicator", world::remoteGroup);
        Checks.fails(IllegalStateException.class, "merge needs an intercommunicator", () -> world.merge(false));
        Checks.fails(IllegalArgumentException.class, "root: rank " + Comm.ROOT, () -> world.bcast(new int[1], Comm.ROOT));
        Checks.fails(IllegalArgumentException.class, "localLeader: rank " + n,
                () -> world.intercommCreate(n, world, 0, 0));
        Checks.fails(IllegalArgumentException.class, "tag: tag -1", () -> world.intercommCreate(0, world, 0, -1));
        if (world.rank() == 0) {
            Checks.fails(NullPointerException.class, "peer", () -> world.intercommCreate(0, null, 0, 0));
            Checks.fails(IllegalArgumentException.class, "remoteLeader: rank " + n,
                    () -> world.intercommCreate(0, world, n, 0));
        }
    }
}
