package mpi;

import java.lang.foreign.MemorySegment;
import java.nio.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jmpi.ErrorCodes;
import org.jmpi.LockType;
import org.jmpi.WinAssert;

/**
 * What {@link Win} needs besides its calls: the window memory a direct buffer stands for
 * (sizes and displacement units counted in the buffer's elements), the creation of the
 * jmpi window on a communicator, assertion bits and lock types as jmpi's enums, and the
 * MPI error classes of what jmpi's windows throw.
 */
final class WinSupport {
    private WinSupport() {
    }

    /** How {@link #open} creates the window. */
    enum Flavor { CREATE, ALLOCATE, SHARED, DYNAMIC }

    /**
     * Creates the jmpi window of a constructor of {@link Win}, collectively over
     * {@code comm}; failures go through the communicator's error handler. {@code base} is
     * the caller's direct buffer: the window memory for {@link Flavor#CREATE}, the buffer
     * that receives the window's address for the allocating flavors, null for dynamic.
     * {@code size} and {@code dispUnit} count elements of the buffer. Memory MPI allocates
     * is zeroed, and a barrier keeps every process from reaching it before that.
     */
    static org.jmpi.Win open(Flavor flavor, Buffer base, int size, int dispUnit, Info info, Comm comm)
            throws MPIException {
        String call = switch (flavor) {
            case CREATE -> "MPI_Win_create";
            case ALLOCATE -> "MPI_Win_allocate";
            case SHARED -> "MPI_Win_allocate_shared";
            case DYNAMIC -> "MPI_Win_create_dynamic";
        };
        if (comm == null) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), Failure.arg(MPI.ERR_COMM, "comm: null"), call);
        }
        org.jmpi.Info i = Info.jmpiOf(info);
        return comm.call(call, c -> {
            Map<String, String> hints = i == null ? null : i.toMap();
            if (flavor == Flavor.DYNAMIC) {
                return org.jmpi.Win.createDynamic(c, hints);
            }
            int unit = Buffers.elementSize(base);
            if (size < 0) {
                throw Failure.arg(MPI.ERR_SIZE, "size: " + size + " is negative");
            }
            if (dispUnit <= 0 || dispUnit > Integer.MAX_VALUE / unit) {
                throw Failure.arg(MPI.ERR_DISP, "dispUnit: " + dispUnit + " elements of " + unit + " bytes is not a"
                        + " positive int of bytes");
            }
            long bytes = (long) size * unit;
            int unitBytes = dispUnit * unit;
            if (flavor == Flavor.CREATE) {
                return org.jmpi.Win.create(c, memory(base, size, "size"), unitBytes, hints);
            }
            org.jmpi.Win w = flavor == Flavor.ALLOCATE ? org.jmpi.Win.allocate(c, bytes, unitBytes, hints)
                    : org.jmpi.Win.allocateShared(c, bytes, unitBytes, hints);
            try {
                w.memory().fill((byte) 0);
                c.barrier();
            } catch (RuntimeException e) {
                w.close();
                throw e;
            }
            return tell(w, base);
        });
    }

    /**
     * The first {@code size} elements of {@code base}, a direct buffer, as a writable
     * segment (from element 0, whatever the buffer's position); refused when the buffer
     * has fewer elements or is read-only.
     */
    static MemorySegment memory(Buffer base, int size, String arg) {
        if (size < 0) {
            throw Failure.arg(MPI.ERR_SIZE, arg + ": " + size + " is negative");
        }
        if (size > base.capacity()) {
            throw Failure.arg(MPI.ERR_SIZE, arg + ": " + size + " elements exceed the " + base.capacity()
                    + " of the buffer");
        }
        if (base.isReadOnly()) {
            throw Failure.arg(MPI.ERR_BUFFER, "base: a read-only buffer cannot be window memory");
        }
        return MemorySegment.ofBuffer(base.duplicate().clear()).asSlice(0, (long) size * Buffers.elementSize(base));
    }

    /**
     * Writes the address of the window memory MPI allocated into the first 8 bytes of
     * {@code base}, in native order, as {@code MPI_Win_allocate} returns it; a buffer of
     * fewer bytes, or a read-only one, is left as it is.
     */
    private static org.jmpi.Win tell(org.jmpi.Win w, Buffer base) {
        MemorySegment b = MemorySegment.ofBuffer(base.duplicate().clear());
        if (!base.isReadOnly() && b.byteSize() >= Long.BYTES) {
            b.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 0, w.base());
        }
        return w;
    }

    /** The address of element 0 of a direct buffer. */
    static long address(Buffer base) {
        return MemorySegment.ofBuffer(base.duplicate().clear()).address();
    }

    /** The assertions set in {@code bits} ({@code MPI.MODE_*}); other bits are MPI_ERR_ASSERT. */
    static WinAssert[] asserts(int bits) {
        List<WinAssert> list = new ArrayList<>();
        int known = 0;
        for (WinAssert a : WinAssert.values()) {
            int bit = switch (a) {
                case NOCHECK -> MPI.MODE_NOCHECK;
                case NOSTORE -> MPI.MODE_NOSTORE;
                case NOPUT -> MPI.MODE_NOPUT;
                case NOPRECEDE -> MPI.MODE_NOPRECEDE;
                case NOSUCCEED -> MPI.MODE_NOSUCCEED;
            };
            known |= bit;
            if ((bits & bit) != 0) {
                list.add(a);
            }
        }
        if ((bits & ~known) != 0) {
            throw Failure.arg(MPI.ERR_ASSERT, "assertion: " + bits + " holds bits that are no MPI.MODE_* assertion");
        }
        return list.toArray(new WinAssert[0]);
    }

    /** The lock type of {@code MPI.LOCK_EXCLUSIVE} or {@code MPI.LOCK_SHARED}; anything else is MPI_ERR_LOCKTYPE. */
    static LockType lockType(int lockType) {
        if (lockType == MPI.LOCK_EXCLUSIVE) {
            return LockType.EXCLUSIVE;
        }
        if (lockType == MPI.LOCK_SHARED) {
            return LockType.SHARED;
        }
        throw Failure.arg(MPI.ERR_LOCKTYPE, "lockType: " + lockType + " is neither MPI.LOCK_EXCLUSIVE nor"
                + " MPI.LOCK_SHARED");
    }

    /**
     * Refuses datatypes built from different predefined types for the origin (or result)
     * and the target of a one-sided call, as the API does; null types are left to the call.
     */
    static void sameBase(Datatype origin, Datatype target, String arg) {
        if (origin != null && target != null && origin.baseType != target.baseType) {
            throw new IllegalArgumentException(arg + " and targetType must be built from the same predefined"
                    + " datatype");
        }
    }

    /**
     * What a jmpi window threw, with the MPI error class MPI would report: epoch misuse is
     * MPI_ERR_RMA_SYNC, a target outside the window MPI_ERR_RMA_RANGE, and so on. Native
     * errors and errors of this package pass unchanged.
     */
    static RuntimeException classify(RuntimeException e) {
        return Reclassified.of(e, m -> m.contains("has been freed") ? MPI.ERR_WIN
                    : m.contains("only a window from createDynamic") ? ErrorCodes.ERR_RMA_FLAVOR : MPI.ERR_RMA_SYNC,
                m -> m.startsWith("targetDisp must not") ? MPI.ERR_DISP
                    : m.startsWith("targetDisp:") ? ErrorCodes.ERR_RMA_RANGE
                    : m.startsWith("rank:") || m.startsWith("targetRank") ? MPI.ERR_RANK
                    : m.startsWith("asserts") ? MPI.ERR_ASSERT
                    : m.startsWith("targetCount") ? MPI.ERR_COUNT
                    : m.startsWith("memory:") ? ErrorCodes.ERR_RMA_ATTACH : -1);
    }
}
