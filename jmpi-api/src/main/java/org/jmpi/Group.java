package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.ToIntBiFunction;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Errors;
import org.jmpi.internal.Freed;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * An ordered set of processes ({@code MPI_Group}). Groups are local objects: building
 * one needs no communication. {@link #close()} frees it ({@code MPI_Group_free}).
 */
public final class Group implements AutoCloseable {
    /** The rank reported for a process that is not in a group ({@code MPI_UNDEFINED}). */
    public static final int UNDEFINED = MpiCalls.MPI_UNDEFINED();

    private final MemorySegment handle;
    private final int size;
    private final int rank;
    private final Freed freed;

    /**
     * The group that {@code call} ({@code MPI_Comm_group}, {@code MPI_Win_get_group}, ...)
     * writes for the object {@code owner}; {@code what} names the call in an error.
     */
    static Group of(MemorySegment owner, ToIntBiFunction<MemorySegment, MemorySegment> call, String what) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(call.applyAsInt(owner, out), what);
            return new Group(Abi.getHandle(out));
        }
    }

    Group(MemorySegment handle) {
        this.handle = handle;
        this.freed = new Freed("group");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(JAVA_INT, 2);
            Errors.check(MpiCalls.MPI_Group_size(handle, out), "MPI_Group_size");
            Errors.check(MpiCalls.MPI_Group_rank(handle, out.asSlice(4)), "MPI_Group_rank");
            this.size = out.get(JAVA_INT, 0);
            this.rank = out.get(JAVA_INT, 4);
        }
    }

    /** The number of processes in the group. */
    public int size() {
        return freed.live(size);
    }

    /** This process's rank in the group, or {@link #UNDEFINED} if it is not a member. */
    public int rank() {
        return freed.live(rank);
    }

    /** The group of the listed ranks of this group, in that order ({@code MPI_Group_incl}). */
    public Group incl(int... ranks) {
        return subset(ranks, true);
    }

    /** This group without the listed ranks ({@code MPI_Group_excl}). */
    public Group excl(int... ranks) {
        return subset(ranks, false);
    }

    /**
     * The group of the ranks in the given ranges, in order ({@code MPI_Group_range_incl});
     * each range is {@code {first, last, stride}} as in C, e.g. {@code {0, 6, 2}} is ranks
     * 0, 2, 4, 6 and {@code {5, 1, -2}} is 5, 3, 1.
     */
    public Group rangeIncl(int[]... ranges) {
        return ranges(ranges, true);
    }

    /** This group without the ranks in the given {@code {first, last, stride}} ranges ({@code MPI_Group_range_excl}). */
    public Group rangeExcl(int[]... ranges) {
        return ranges(ranges, false);
    }

    private Group ranges(int[][] ranges, boolean incl) {
        check();
        Objects.requireNonNull(ranges, "ranges");
        int[] flat = new int[ranges.length * 3];
        int count = 0;
        for (int i = 0; i < ranges.length; i++) {
            int[] r = Objects.requireNonNull(ranges[i], "ranges[" + i + "]");
            if (r.length != 3) {
                throw new IllegalArgumentException("ranges[" + i + "]: needs {first, last, stride}, got "
                        + r.length + " values");
            }
            if (r[2] == 0) {
                throw new IllegalArgumentException("ranges[" + i + "]: stride must not be 0");
            }
            for (int k = 0; k < 2; k++) {
                if (r[k] < 0 || r[k] >= size) {
                    throw new IllegalArgumentException("ranges[" + i + "]: rank " + r[k] + " is not in [0, " + size + ")");
                }
            }
            count += Math.max(0, (r[1] - r[0]) / r[2] + 1);
            System.arraycopy(r, 0, flat, i * 3, 3);
        }
        int[] members = new int[count];
        int m = 0;
        for (int[] r : ranges) {
            for (int x = r[0]; r[2] > 0 ? x <= r[1] : x >= r[1]; x += r[2]) {
                members[m++] = x;
            }
        }
        distinct(members, "ranges");
        return incl ? made(MpiCalls::MPI_Group_range_incl, "MPI_Group_range_incl", ranges.length, flat)
                : made(MpiCalls::MPI_Group_range_excl, "MPI_Group_range_excl", ranges.length, flat);
    }

    private void distinct(int[] ranks, String arg) {
        boolean[] seen = new boolean[size];
        for (int i = 0; i < ranks.length; i++) {
            int r = ranks[i];
            if (r < 0 || r >= size) {
                throw new IllegalArgumentException(arg + "[" + i + "]: rank " + r + " is not in [0, " + size + ")");
            }
            if (seen[r]) {
                throw new IllegalArgumentException(arg + "[" + i + "]: rank " + r + " is listed twice");
            }
            seen[r] = true;
        }
    }

    private Group subset(int[] ranks, boolean incl) {
        check();
        distinct(Objects.requireNonNull(ranks, "ranks"), "ranks");
        return incl ? made(MpiCalls::MPI_Group_incl, "MPI_Group_incl", ranks.length, ranks)
                : made(MpiCalls::MPI_Group_excl, "MPI_Group_excl", ranks.length, ranks);
    }

    /** The shape of {@code MPI_Group_incl}, {@code _excl}, {@code _range_incl} and {@code _range_excl}. */
    private interface Subgroup {
        int call(MemorySegment group, int n, MemorySegment values, MemorySegment out);
    }

    /** The group {@code call} makes from this one and {@code n} entries of {@code values}. */
    private Group made(Subgroup call, String name, int n, int[] values) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(call.call(handle, n, arena.allocateFrom(JAVA_INT, values), out), name);
            return new Group(Abi.getHandle(out));
        }
    }

    /** Members of this group, then those of {@code other} not in it ({@code MPI_Group_union}). */
    public Group union(Group other) {
        return combine(other, 0);
    }

    /** Members of this group that are also in {@code other} ({@code MPI_Group_intersection}). */
    public Group intersection(Group other) {
        return combine(other, 1);
    }

    /** Members of this group that are not in {@code other} ({@code MPI_Group_difference}). */
    public Group difference(Group other) {
        return combine(other, 2);
    }

    private Group combine(Group other, int how) {
        check();
        Objects.requireNonNull(other, "other").check();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = Abi.allocateHandle(arena);
            int rc = switch (how) {
                case 0 -> MpiCalls.MPI_Group_union(handle, other.handle, out);
                case 1 -> MpiCalls.MPI_Group_intersection(handle, other.handle, out);
                default -> MpiCalls.MPI_Group_difference(handle, other.handle, out);
            };
            Errors.check(rc, "MPI_Group_" + (how == 0 ? "union" : how == 1 ? "intersection" : "difference"));
            return new Group(Abi.getHandle(out));
        }
    }

    /**
     * The ranks in {@code other} of the given ranks of this group, {@link #UNDEFINED}
     * where a process is not in {@code other} ({@code MPI_Group_translate_ranks}).
     */
    public int[] translateRanks(int[] ranks, Group other) {
        check();
        Objects.requireNonNull(ranks, "ranks");
        Objects.requireNonNull(other, "other").check();
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] < 0 || ranks[i] >= size) {
                throw new IllegalArgumentException("ranks[" + i + "]: rank " + ranks[i] + " is not in [0, " + size + ")");
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = arena.allocateFrom(JAVA_INT, ranks);
            MemorySegment out = arena.allocate(JAVA_INT, Math.max(1, ranks.length));
            Errors.check(MpiCalls.MPI_Group_translate_ranks(handle, ranks.length, in, other.handle, out),
                    "MPI_Group_translate_ranks");
            return out.asSlice(0, 4L * ranks.length).toArray(JAVA_INT);
        }
    }

    /** Compares membership and order with {@code other} ({@code MPI_Group_compare}). */
    public Comparison compare(Group other) {
        check();
        Objects.requireNonNull(other, "other").check();
        return Comparison.of(handle, other.handle, MpiCalls::MPI_Group_compare, "MPI_Group_compare");
    }

    MemorySegment handle() {
        return freed.live(handle);
    }

    private void check() {
        freed.check();
    }

    /** Frees the group exactly once ({@code MPI_Group_free}). */
    @Override
    public void close() {
        freed.free(handle, MpiCalls::MPI_Group_free, "MPI_Group_free");
    }
}
