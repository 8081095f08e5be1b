package org.jmpi;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.ToIntFunction;

import org.jmpi.bindings.abi.Abi;
import org.jmpi.bindings.abi.MpiCalls;
import org.jmpi.internal.Args;
import org.jmpi.internal.Errors;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The derived datatype constructors behind {@link Datatype}'s factories: every argument is
 * checked before the first native call, the result is committed, and intermediate types are
 * freed, also when a step fails.
 */
final class DerivedTypes {
    private DerivedTypes() {
    }

    static Datatype contiguous(int count, Datatype old) {
        Args.nonNegative(count, "count");
        return from(old, (b, o, out) -> MpiCalls.MPI_Type_contiguous(count, o, out), "MPI_Type_contiguous",
                "contiguous(" + count + " x " + old + ")");
    }

    static Datatype vector(int count, int blockLength, int stride, Datatype old) {
        Args.nonNegative(count, "count");
        Args.nonNegative(blockLength, "blockLength");
        return from(old, (b, o, out) -> MpiCalls.MPI_Type_vector(count, blockLength, stride, o, out),
                "MPI_Type_vector", "vector(" + count + " x " + blockLength + " x " + old + ", stride " + stride + ")");
    }

    static Datatype hvector(int count, int blockLength, long byteStride, Datatype old) {
        Args.nonNegative(count, "count");
        Args.nonNegative(blockLength, "blockLength");
        return from(old, (b, o, out) -> MpiCalls.MPI_Type_create_hvector(count, blockLength, byteStride, o, out),
                "MPI_Type_create_hvector", "hvector(" + count + " x " + blockLength + " x " + old
                        + ", stride " + byteStride + " bytes)");
    }

    static Datatype indexed(int[] blockLengths, int[] displacements, Datatype old) {
        int n = blocks(blockLengths, Objects.requireNonNull(displacements, "displacements").length, "displacements");
        return from(old, (b, o, out) -> MpiCalls.MPI_Type_indexed(n, b.ints(blockLengths), b.ints(displacements), o, out),
                "MPI_Type_indexed", "indexed(" + n + " blocks of " + old + ")");
    }

    static Datatype hindexed(int[] blockLengths, long[] byteDisplacements, Datatype old) {
        int n = blocks(blockLengths, Objects.requireNonNull(byteDisplacements, "byteDisplacements").length,
                "byteDisplacements");
        return from(old, (b, o, out) -> MpiCalls.MPI_Type_create_hindexed(n, b.ints(blockLengths),
                b.longs(byteDisplacements), o, out), "MPI_Type_create_hindexed",
                "hindexed(" + n + " blocks of " + old + ")");
    }

    static Datatype indexedBlock(int blockLength, int[] displacements, Datatype old) {
        int n = Objects.requireNonNull(displacements, "displacements").length;
        return sameBlocks(blockLength, n, old, (b, o, out) -> MpiCalls.MPI_Type_create_indexed_block(n, blockLength,
                b.ints(displacements), o, out), "MPI_Type_create_indexed_block", "indexedBlock");
    }

    static Datatype hindexedBlock(int blockLength, long[] byteDisplacements, Datatype old) {
        int n = Objects.requireNonNull(byteDisplacements, "byteDisplacements").length;
        return sameBlocks(blockLength, n, old, (b, o, out) -> MpiCalls.MPI_Type_create_hindexed_block(n, blockLength,
                b.longs(byteDisplacements), o, out), "MPI_Type_create_hindexed_block", "hindexedBlock");
    }

    /** The {@code *_block} constructors: {@code n} blocks of {@code blockLength} elements each. */
    private static Datatype sameBlocks(int blockLength, int n, Datatype old, Constructor call, String name,
            String kind) {
        Args.nonNegative(blockLength, "blockLength");
        return from(old, call, name, kind + "(" + n + " x " + blockLength + " x " + old + ")");
    }

    static Datatype struct(int[] blockLengths, long[] byteDisplacements, Datatype[] types) {
        int n = blocks(blockLengths, Objects.requireNonNull(byteDisplacements, "byteDisplacements").length,
                "byteDisplacements");
        Args.sameLength(Objects.requireNonNull(types, "types").length, "types", n, "blockLengths");
        for (int i = 0; i < n; i++) {
            Objects.requireNonNull(types[i], "types[" + i + "]");
        }
        try (Build b = new Build()) {
            MemorySegment[] handles = new MemorySegment[n];
            StringJoiner names = new StringJoiner(", ", "struct(", ")");
            for (int i = 0; i < n; i++) {
                handles[i] = live(types[i], "types[" + i + "]");
                names.add(blockLengths[i] + " x " + types[i] + " at " + byteDisplacements[i]);
            }
            return b.finish(b.struct(blockLengths, byteDisplacements, handles), names.toString());
        }
    }

    static Datatype subarray(int[] sizes, int[] subsizes, int[] starts, Datatype.Order order, Datatype old) {
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(subsizes, "subsizes");
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(order, "order");
        if (sizes.length == 0) {
            throw new IllegalArgumentException("sizes: at least one dimension is needed");
        }
        Args.sameLength(subsizes.length, "subsizes", sizes.length, "sizes");
        Args.sameLength(starts.length, "starts", sizes.length, "sizes");
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("sizes[" + i + "] must be at least 1, got " + sizes[i]);
            }
            if (subsizes[i] < 1 || subsizes[i] > sizes[i]) {
                throw new IllegalArgumentException("subsizes[" + i + "]: " + subsizes[i] + " is not in [1, "
                        + sizes[i] + "]");
            }
            if (starts[i] < 0 || starts[i] > sizes[i] - subsizes[i]) {
                throw new IllegalArgumentException("starts[" + i + "]: " + starts[i] + " is not in [0, "
                        + (sizes[i] - subsizes[i]) + "] (size " + sizes[i] + ", subsize " + subsizes[i] + ")");
            }
        }
        int mpiOrder = order == Datatype.Order.C ? MpiCalls.MPI_ORDER_C() : MpiCalls.MPI_ORDER_FORTRAN();
        return from(old, (b, o, out) -> MpiCalls.MPI_Type_create_subarray(sizes.length, b.ints(sizes),
                b.ints(subsizes), b.ints(starts), mpiOrder, o, out), "MPI_Type_create_subarray",
                "subarray(" + Arrays.toString(subsizes) + " of " + Arrays.toString(sizes)
                        + " at " + Arrays.toString(starts) + ", " + order + ", " + old + ")");
    }

    static Datatype resized(long lowerBound, long extent, Datatype old) {
        return from(old, (b, o, out) -> MpiCalls.MPI_Type_create_resized(o, lowerBound, extent, out),
                "MPI_Type_create_resized", "resized(" + old + ", lb " + lowerBound + ", extent " + extent + ")");
    }

    static Datatype dup(Datatype old) {
        live(old, "this");
        return from(old, (b, o, out) -> MpiCalls.MPI_Type_dup(o, out), "MPI_Type_dup", "dup(" + old + ")");
    }

    /** One {@code MPI_Type_*} constructor call on a type argument, given its handle and an out slot. */
    @FunctionalInterface
    private interface Constructor {
        int call(Build b, MemorySegment old, MemorySegment out);
    }

    /** Checks {@code old} is live, makes the type with {@code call} and commits it. */
    private static Datatype from(Datatype old, Constructor call, String name, String description) {
        try (Build b = new Build()) {
            MemorySegment o = live(old, "old");
            return b.finish(b.create(out -> call.call(b, o, out), name), description);
        }
    }

    /** Checks block lengths against the length of the displacements; returns the number of blocks. */
    private static int blocks(int[] blockLengths, int displacements, String arg) {
        Args.nonNegative(blockLengths, "blockLengths");
        Args.sameLength(displacements, arg, blockLengths.length, "blockLengths");
        return blockLengths.length;
    }

    /** The handle of a type argument: not null, MPI running, not freed. */
    static MemorySegment live(Datatype type, String arg) {
        Objects.requireNonNull(type, arg);
        try {
            return type.handle();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(arg + ": " + e.getMessage(), e);
        }
    }

    /**
     * Native scratch for one construction and every type it created: {@link #finish} commits
     * and hands out the result, {@link #close} frees all the others.
     */
    static final class Build implements AutoCloseable {
        private final Arena arena = Arena.ofConfined();
        private final List<MemorySegment> created = new ArrayList<>();

        /** Calls an {@code MPI_Type_*} constructor with an out slot; keeps the new handle. */
        MemorySegment create(ToIntFunction<MemorySegment> call, String name) {
            MemorySegment out = Abi.allocateHandle(arena);
            Errors.check(call.applyAsInt(out), name);
            MemorySegment h = Abi.getHandle(out);
            created.add(h);
            return h;
        }

        MemorySegment contiguous(int count, MemorySegment old) {
            return create(out -> MpiCalls.MPI_Type_contiguous(count, old, out), "MPI_Type_contiguous");
        }

        MemorySegment struct(int[] blockLengths, long[] byteDisplacements, MemorySegment[] types) {
            MemorySegment t = Abi.allocateHandles(arena, Math.max(1, types.length));
            for (int i = 0; i < types.length; i++) {
                Abi.setHandle(t, i, types[i]);
            }
            return create(out -> MpiCalls.MPI_Type_create_struct(types.length, ints(blockLengths),
                    longs(byteDisplacements), t, out), "MPI_Type_create_struct");
        }

        MemorySegment resized(MemorySegment old, long lowerBound, long extent) {
            return create(out -> MpiCalls.MPI_Type_create_resized(old, lowerBound, extent, out),
                    "MPI_Type_create_resized");
        }

        /** {@code old} itself if its lower bound is 0 and its extent {@code extent}, else a resized copy. */
        MemorySegment fit(MemorySegment old, long extent) {
            MemorySegment lbExtent = arena.allocate(JAVA_LONG, 2);
            Errors.check(MpiCalls.MPI_Type_get_extent_x(old, lbExtent, lbExtent.asSlice(8)), "MPI_Type_get_extent_x");
            if (lbExtent.get(JAVA_LONG, 0) == 0 && lbExtent.get(JAVA_LONG, 8) == extent) {
                return old;
            }
            return resized(old, 0, extent);
        }

        MemorySegment ints(int[] values) {
            return values.length == 0 ? arena.allocate(JAVA_INT) : arena.allocateFrom(JAVA_INT, values);
        }

        MemorySegment longs(long[] values) {
            return values.length == 0 ? arena.allocate(JAVA_LONG) : arena.allocateFrom(JAVA_LONG, values);
        }

        /**
         * Commits {@code h} and wraps it; a handle this build did not create (a predefined
         * type) is duplicated first, so the caller always owns what it gets.
         */
        Datatype finish(MemorySegment h, String description) {
            if (created.stream().noneMatch(c -> c.address() == h.address())) {
                MemorySegment old = h;
                return finish(create(out -> MpiCalls.MPI_Type_dup(old, out), "MPI_Type_dup"), description);
            }
            MemorySegment slot = Abi.allocateHandle(arena);
            Abi.setHandle(slot, 0, h);
            Errors.check(MpiCalls.MPI_Type_commit(slot), "MPI_Type_commit");
            Datatype t = Datatype.derived(h, description);
            created.removeIf(c -> c.address() == h.address());
            return t;
        }

        /** Frees every type created but not handed out; the first failure is thrown. */
        @Override
        public void close() {
            RuntimeException failure = null;
            try {
                for (MemorySegment h : created) {
                    MemorySegment slot = Abi.allocateHandle(arena);
                    Abi.setHandle(slot, 0, h);
                    int rc = MpiCalls.MPI_Type_free(slot);
                    if (rc != 0 && failure == null) {
                        failure = Errors.exception(rc, "MPI_Type_free");
                    }
                }
            } finally {
                arena.close();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
