package org.jmpi;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.UnionLayout;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jmpi.internal.Args;
import org.jmpi.internal.MpiState;

/**
 * Translates a {@link MemoryLayout} into a derived datatype whose extent is the layout's
 * byte size: values become predefined types, sequences contiguous types, structs struct
 * types at their members' byte offsets (padding skipped), each resized where MPI's own
 * extent would differ from the layout's.
 */
final class LayoutTypes {
    private static final Map<Class<?>, Datatype> BY_CARRIER = Map.of(
            byte.class, Datatype.INT8, short.class, Datatype.INT16, char.class, Datatype.UINT16,
            int.class, Datatype.INT32, long.class, Datatype.INT64, float.class, Datatype.FLOAT,
            double.class, Datatype.DOUBLE, boolean.class, Datatype.C_BOOL);

    private LayoutTypes() {
    }

    static Datatype of(MemoryLayout layout) {
        Objects.requireNonNull(layout, "layout");
        check(layout, "layout");
        MpiState.checkCall(); // a layout of padding only reaches MPI before any datatype is checked
        try (DerivedTypes.Build b = new DerivedTypes.Build()) {
            return b.finish(build(b, layout), "of(" + layout + ")");
        }
    }

    /** Refuses what has no datatype, before any native call; {@code path} names the part. */
    private static void check(MemoryLayout layout, String path) {
        switch (layout) {
            case ValueLayout v -> predefined(v, path);
            case SequenceLayout s -> {
                Args.count(s.elementCount(), path + " element count");
                check(s.elementLayout(), path + "[]");
            }
            case StructLayout s -> {
                List<MemoryLayout> members = s.memberLayouts();
                for (int i = 0; i < members.size(); i++) {
                    MemoryLayout m = members.get(i);
                    check(m, path + "." + m.name().orElse("#" + i));
                }
            }
            case UnionLayout u -> throw new IllegalArgumentException(path + ": union layout " + u
                    + " has no MPI datatype (its members overlap); send one member's layout instead");
            case PaddingLayout p -> {
            }
        }
    }

    /** The predefined type of a value layout in native byte order; refused naming {@code path} otherwise. */
    static Datatype predefined(ValueLayout v, String path) {
        if (v.byteSize() > 1 && v.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException(path + ": value layout " + v + " has byte order " + v.order()
                    + ", not the native " + ByteOrder.nativeOrder() + "; MPI would not convert it");
        }
        Datatype t = v instanceof AddressLayout
                ? (v.byteSize() == Long.BYTES ? Datatype.AINT : null) : BY_CARRIER.get(v.carrier());
        if (t != null) {
            return t;
        }
        throw new IllegalArgumentException(path + ": value layout " + v + " has no MPI datatype");
    }

    /** A type for a checked layout: predefined, or created in {@code b} with extent {@code byteSize}. */
    private static MemorySegment build(DerivedTypes.Build b, MemoryLayout layout) {
        MemorySegment h = switch (layout) {
            case ValueLayout v -> DerivedTypes.live(predefined(v, "layout"), "layout");
            case SequenceLayout s -> b.contiguous((int) s.elementCount(), build(b, s.elementLayout()));
            case StructLayout s -> struct(b, s.memberLayouts());
            case PaddingLayout p -> struct(b, List.of());
            case UnionLayout u -> throw new AssertionError("checked: " + u);
        };
        return b.fit(h, layout.byteSize());
    }

    private static MemorySegment struct(DerivedTypes.Build b, List<MemoryLayout> members) {
        List<MemorySegment> types = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        long offset = 0;
        for (MemoryLayout m : members) {
            if (!(m instanceof PaddingLayout)) {
                types.add(build(b, m));
                offsets.add(offset);
            }
            offset += m.byteSize();
        }
        int[] ones = new int[types.size()];
        Arrays.fill(ones, 1);
        return b.struct(ones, offsets.stream().mapToLong(Long::longValue).toArray(),
                types.toArray(MemorySegment[]::new));
    }
}
