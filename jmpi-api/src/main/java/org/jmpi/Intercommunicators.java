package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.bindings.abi.Handles;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;

/**
 * Intercommunicators (MPI chapter 6.6): a communicator between two disjoint groups, made
 * by {@link #intercommCreate}, by {@link DynamicProcesses#spawn spawning} processes or by
 * {@link DynamicProcesses#connect connecting} to a port. On an intercommunicator
 * {@link Comm#rank()} and {@link Comm#size()} describe the local group, while the ranks a
 * message is sent to or received from are ranks of the remote group.
 *
 * <p>Collectives work between the groups. In the rooted ones (bcast, reduce, gather,
 * scatter and their v forms) the root's group passes {@link Comm#ROOT} on the root process
 * and {@link Comm#PROC_NULL} on the others, whose buffers are then ignored (may be null);
 * the other group passes the root's rank in the root's group. The root's buffer holds one
 * block per remote process, count and displacement arrays have {@link #remoteSize()}
 * entries. Allgather and alltoall exchange one block per remote process, allreduce gives
 * each group the reduction of the other group's data; reduce-scatter-block takes
 * {@code size()} blocks per process as on an intracommunicator. {@code IN_PLACE} is
 * refused, and scan and exscan, which MPI does not define here, are refused with an
 * {@link IllegalStateException}.
 */
public sealed interface Intercommunicators permits Comm {

    /** Whether this is an intercommunicator ({@code MPI_Comm_test_inter}). */
    default boolean isInter() {
        Comm c = (Comm) this;
        c.check();
        return c.inter;
    }

    /**
     * The size of the remote group ({@code MPI_Comm_remote_size}).
     *
     * @throws IllegalStateException on an intracommunicator
     */
    default int remoteSize() {
        return inter("remoteSize").peers;
    }

    /**
     * The remote group ({@code MPI_Comm_remote_group}); close it when done.
     *
     * @throws IllegalStateException on an intracommunicator
     */
    default Group remoteGroup() {
        Comm c = inter("remoteGroup");
        return Group.of(c.handle, MpiCalls::MPI_Comm_remote_group, "MPI_Comm_remote_group");
    }

    /**
     * Creates an intercommunicator between this intracommunicator's group and another,
     * disjoint one ({@code MPI_Intercomm_create}); collective over both groups. The two
     * leaders, {@code localLeader} here and {@code remoteLeader} (a rank in {@code peer})
     * there, talk through {@code peer} with {@code tag}; {@code peer} and
     * {@code remoteLeader} matter only at the local leader (elsewhere {@code peer} may be null).
     */
    default Comm intercommCreate(int localLeader, Comm peer, int remoteLeader, int tag) {
        Comm c = TopologyCalls.intra((Comm) this, "intercommCreate");
        if (localLeader < 0 || localLeader >= c.size) {
            throw new IllegalArgumentException("localLeader: rank " + localLeader + " is not in [0, " + c.size + ")");
        }
        Args.tag(tag, "tag");
        MemorySegment bridge = Handles.COMM_NULL;
        if (c.rank == localLeader) {
            Objects.requireNonNull(peer, "peer").check();
            if (remoteLeader < 0 || remoteLeader >= peer.peers) {
                throw new IllegalArgumentException("remoteLeader: rank " + remoteLeader + " is not in [0, "
                        + peer.peers + ") of peer");
            }
            bridge = peer.handle;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Intercomm_create(c.handle, localLeader, bridge, remoteLeader, tag, out),
                    "MPI_Intercomm_create");
            return Comm.created(out, "intercommunicator from " + c.label());
        }
    }

    /**
     * Merges both groups into one intracommunicator ({@code MPI_Intercomm_merge});
     * collective. The group passing {@code high} false is ranked first (ties in MPI's order).
     *
     * @throws IllegalStateException on an intracommunicator
     */
    default Comm merge(boolean high) {
        Comm c = inter("merge");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(MpiCalls.MPI_Intercomm_merge(c.handle, high ? 1 : 0, out), "MPI_Intercomm_merge");
            return Comm.created(out, "merge of " + c.label());
        }
    }

    private Comm inter(String what) {
        Comm c = (Comm) this;
        c.check();
        if (!c.inter) {
            throw new IllegalStateException(what + " needs an intercommunicator; " + c + " is an intracommunicator");
        }
        return c;
    }
}
