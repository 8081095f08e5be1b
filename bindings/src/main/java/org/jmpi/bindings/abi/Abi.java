package org.jmpi.bindings.abi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import org.jmpi.bindings.NativeEnv;
import org.jmpi.bindings.mpi.ompi_status_public_t;
import org.jmpi.bindings.mpich.MPI_Status;
import org.jmpi.bindings.ucs.UcxEnvironment;

/**
 * The MPI this process runs on, chosen once when the class loads, and everything about it
 * that differs between ABIs apart from functions and constants ({@link MpiCalls}): how a
 * handle is stored in memory, the layout of {@code MPI_Status}, and how the library is
 * loaded. jmpi's handles are {@code MemorySegment}s whose address is the handle's value:
 * a pointer on Open MPI, an {@code int} (zero-extended) on MPICH.
 *
 * <p>The choice, first match wins: the system property {@code jmpi.mpi}, the environment
 * variable {@code JMPI_MPI} ({@code openmpi} or {@code mpich}), the launcher's environment
 * ({@link LaunchEnvironment}), and otherwise the first library that loads, Open MPI's first.
 */
public final class Abi {
    /** The MPI of this process. */
    public static final MpiKind KIND;
    /** Why {@link #KIND} was chosen, for messages. */
    public static final String CHOSEN_BY;

    private static final boolean OMPI;

    static {
        String[] why = new String[1];
        KIND = choose(why);
        CHOSEN_BY = why[0];
        OMPI = KIND == MpiKind.OPEN_MPI;
        load();
    }

    /** Bytes of one handle in memory ({@code sizeof(MPI_Comm)}). */
    public static final long HANDLE_SIZE = OMPI ? ValueLayout.ADDRESS.byteSize() : ValueLayout.JAVA_INT.byteSize();
    /** The layout of a handle passed by value, for up- and downcall descriptors. */
    public static final ValueLayout HANDLE_LAYOUT = OMPI ? ValueLayout.ADDRESS : ValueLayout.JAVA_INT;
    /** The layout of {@code MPI_Status}. */
    public static final MemoryLayout STATUS_LAYOUT = OMPI ? ompi_status_public_t.layout() : MPI_Status.layout();
    /** Bytes of one {@code MPI_Status}. */
    public static final long STATUS_SIZE = STATUS_LAYOUT.byteSize();
    private static final long SOURCE_OFFSET = OMPI ? ompi_status_public_t.MPI_SOURCE$offset() : MPI_Status.MPI_SOURCE$offset();
    private static final long TAG_OFFSET = OMPI ? ompi_status_public_t.MPI_TAG$offset() : MPI_Status.MPI_TAG$offset();
    private static final long ERROR_OFFSET = OMPI ? ompi_status_public_t.MPI_ERROR$offset() : MPI_Status.MPI_ERROR$offset();
    /** Open MPI: {@code size_t _ucount}; MPICH: {@code int count_lo}, the low 32 bits. */
    private static final long COUNT_OFFSET = OMPI ? ompi_status_public_t._ucount$offset() : MPI_Status.count_lo$offset();
    /** Open MPI: {@code int _cancelled}; MPICH: {@code int count_hi_and_cancelled}, the high bits above the flag. */
    private static final long CANCELLED_OFFSET = OMPI ? ompi_status_public_t._cancelled$offset()
            : MPI_Status.count_hi_and_cancelled$offset();
    /** Bytes of {@code MPI_Aint}. */
    public static final long AINT_SIZE = 8;
    /** Bytes of {@code MPI_Offset}. */
    public static final long OFFSET_SIZE = 8;
    /** Bytes of {@code MPI_Count}. */
    public static final long COUNT_SIZE = 8;

    private static final MethodHandle TO_INT;
    private static final MethodHandle TO_HANDLE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            TO_INT = l.findStatic(Abi.class, "toInt", MethodType.methodType(int.class, MemorySegment.class));
            TO_HANDLE = l.findStatic(Abi.class, "handle", MethodType.methodType(MemorySegment.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Abi() {
    }

    /** Loads the chosen library (idempotent); the class initialiser calls it. */
    private static void load() {
        if (OMPI) {
            org.jmpi.bindings.ompi.OmpiLibrary.load();
            return;
        }
        UcxEnvironment.neutralise();
        try {
            NativeEnv.dlopen(KIND.library, NativeEnv.RTLD_NOW | NativeEnv.RTLD_GLOBAL);
        } catch (UnsatisfiedLinkError e) {
            UnsatisfiedLinkError err = new UnsatisfiedLinkError(e.getMessage() + " (MPI chosen by " + CHOSEN_BY
                    + "; install " + KIND.display + ": apt-get install " + KIND.packages + ")");
            err.initCause(e);
            throw err;
        }
    }

    private static MpiKind choose(String[] why) {
        String prop = System.getProperty("jmpi.mpi");
        if (prop != null && !prop.isBlank()) {
            why[0] = "-Djmpi.mpi=" + prop;
            return MpiKind.parse(prop, "-Djmpi.mpi");
        }
        String env = System.getenv("JMPI_MPI");
        if (env != null && !env.isBlank()) {
            why[0] = "JMPI_MPI=" + env;
            return MpiKind.parse(env, "JMPI_MPI");
        }
        LaunchEnvironment launch = LaunchEnvironment.current();
        if (launch.kind() != null) {
            why[0] = launch.launcher();
            return launch.kind();
        }
        for (MpiKind k : MpiKind.values()) {
            try {
                NativeEnv.dlopen(k.library, NativeEnv.RTLD_LAZY);
                why[0] = "the first MPI library found (" + k.library + ")";
                return k;
            } catch (UnsatisfiedLinkError e) {
                // try the next
            }
        }
        why[0] = "default (no MPI library found)";
        return MpiKind.OPEN_MPI;
    }

    /** The handle whose value is {@code value} (an MPICH {@code int} handle). */
    public static MemorySegment handle(int value) {
        return MemorySegment.ofAddress(Integer.toUnsignedLong(value));
    }

    private static int toInt(MemorySegment handle) {
        return (int) handle.address();
    }

    /** Allocates room for one handle, for an output argument. */
    public static MemorySegment allocateHandle(Arena arena) {
        return arena.allocate(HANDLE_SIZE, HANDLE_SIZE);
    }

    /** Allocates an array of {@code n} handles. */
    public static MemorySegment allocateHandles(Arena arena, long n) {
        return arena.allocate(HANDLE_SIZE * n, HANDLE_SIZE);
    }

    /** The handle stored at {@code slot}. */
    public static MemorySegment getHandle(MemorySegment slot) {
        return getHandle(slot, 0);
    }

    /** The handle at index {@code i} of the handle array {@code array}. */
    public static MemorySegment getHandle(MemorySegment array, long i) {
        return OMPI ? array.getAtIndex(ValueLayout.ADDRESS, i)
                : handle(array.getAtIndex(ValueLayout.JAVA_INT, i));
    }

    /** Stores {@code h} at index {@code i} of the handle array {@code array}. */
    public static void setHandle(MemorySegment array, long i, MemorySegment h) {
        if (OMPI) {
            array.setAtIndex(ValueLayout.ADDRESS, i, h);
        } else {
            array.setAtIndex(ValueLayout.JAVA_INT, i, (int) h.address());
        }
    }

    /** The handle an upcall received through a pointer ({@code MPI_Datatype *}, {@code MPI_Comm *}). */
    public static MemorySegment derefHandle(MemorySegment pointer) {
        return getHandle(pointer.reinterpret(HANDLE_SIZE));
    }

    /** A new array of {@code n} handles, each set from {@code handles}. */
    public static MemorySegment handles(Arena arena, MemorySegment... handles) {
        MemorySegment a = allocateHandles(arena, Math.max(1, handles.length));
        for (int i = 0; i < handles.length; i++) {
            setHandle(a, i, handles[i]);
        }
        return a;
    }

    /** {@code MPI_SOURCE} of the status at {@code offset}. */
    public static int statusSource(MemorySegment status, long offset) {
        return status.get(ValueLayout.JAVA_INT, offset + SOURCE_OFFSET);
    }

    /** {@code MPI_TAG} of the status at {@code offset}. */
    public static int statusTag(MemorySegment status, long offset) {
        return status.get(ValueLayout.JAVA_INT, offset + TAG_OFFSET);
    }

    /** {@code MPI_ERROR} of the status at {@code offset}. */
    public static int statusError(MemorySegment status, long offset) {
        return status.get(ValueLayout.JAVA_INT, offset + ERROR_OFFSET);
    }

    /**
     * The bytes the status at {@code offset} counts (what {@code MPI_Get_elements_x} with
     * {@code MPI_BYTE} returns), read from the status: Open MPI keeps them in
     * {@code _ucount}; MPICH splits them over {@code count_lo} and the bits above the
     * cancelled flag of {@code count_hi_and_cancelled}.
     */
    public static long statusBytes(MemorySegment status, long offset) {
        if (OMPI) {
            return status.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + COUNT_OFFSET);
        }
        long lo = Integer.toUnsignedLong(status.get(ValueLayout.JAVA_INT, offset + COUNT_OFFSET));
        long hi = Integer.toUnsignedLong(status.get(ValueLayout.JAVA_INT, offset + CANCELLED_OFFSET)) >>> 1;
        return hi << 32 | lo;
    }

    /** Whether the status at {@code offset} says cancelled (what {@code MPI_Test_cancelled} returns). */
    public static boolean statusCancelled(MemorySegment status, long offset) {
        int word = status.get(ValueLayout.JAVA_INT, offset + CANCELLED_OFFSET);
        return OMPI ? word != 0 : (word & 1) != 0;
    }

    /** Sets {@code MPI_SOURCE}, {@code MPI_TAG} and {@code MPI_ERROR} of the status at {@code offset}. */
    public static void setStatus(MemorySegment status, long offset, int source, int tag, int error) {
        status.set(ValueLayout.JAVA_INT, offset + SOURCE_OFFSET, source);
        status.set(ValueLayout.JAVA_INT, offset + TAG_OFFSET, tag);
        status.set(ValueLayout.JAVA_INT, offset + ERROR_OFFSET, error);
    }

    /**
     * Adapts a downcall handle whose handle parameters (at {@code positions}) are
     * {@code int}s to take jmpi's {@code MemorySegment} handles, and, when
     * {@code handleReturn}, to return one. Used by {@link MpiCalls} for MPICH; the JIT
     * inlines the conversions.
     */
    public static MethodHandle uniform(MethodHandle downcall, boolean handleReturn, int... positions) {
        MethodHandle h = downcall;
        for (int p : positions) {
            h = MethodHandles.filterArguments(h, p, TO_INT);
        }
        return handleReturn ? MethodHandles.filterReturnValue(h, TO_HANDLE) : h;
    }

    /**
     * An upcall stub for {@code target}, whose C signature is {@code fd} written with
     * {@code ADDRESS} for every handle passed by value; the handles at {@code positions}
     * reach {@code target} as jmpi's {@code MemorySegment} handles on every ABI.
     */
    public static MemorySegment upcall(MethodHandle target, FunctionDescriptor fd, Arena arena, int... positions) {
        MethodHandle h = target;
        FunctionDescriptor d = fd;
        if (!OMPI) {
            MemoryLayout[] args = fd.argumentLayouts().toArray(MemoryLayout[]::new);
            for (int p : positions) {
                h = MethodHandles.filterArguments(h, p, TO_HANDLE);
                args[p] = HANDLE_LAYOUT;
            }
            d = fd.returnLayout().map(r -> FunctionDescriptor.of(r, args)).orElseGet(() -> FunctionDescriptor.ofVoid(args));
        }
        return Linker.nativeLinker().upcallStub(h, d, arena);
    }
}
