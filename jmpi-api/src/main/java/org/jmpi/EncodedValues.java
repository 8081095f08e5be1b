package org.jmpi;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Values encoded one after another into one buffer, or the failure that stopped the
 * encoding (the lengths are then all -1, which tells the other ranks).
 */
final class EncodedValues {
    private final ObjectBuffer buffer;
    private final long[] ends;
    private final RuntimeException failure;

    private EncodedValues(ObjectBuffer buffer, long[] ends, RuntimeException failure) {
        this.buffer = buffer;
        this.ends = ends;
        this.failure = failure;
    }

    /** A rank with nothing to send to any of the {@code p} ranks. */
    static EncodedValues none(int p) {
        return new EncodedValues(null, new long[p], null);
    }

    /** Encodes {@code values}, which must hold {@code expected} values (the argument is named "objs"). */
    static EncodedValues of(ObjectCodec codec, List<?> values, String call, int expected) {
        long[] ends = new long[expected];
        ObjectBuffer b = ObjectBuffer.growing();
        try {
            Objects.requireNonNull(values, "objs");
            if (values.size() != expected) {
                throw new IllegalArgumentException("objs: " + values.size() + " values for " + expected + " ranks");
            }
            for (int i = 0; i < expected; i++) {
                ObjectCalls.append(codec, b, values.get(i), call);
                ends[i] = b.size();
            }
            return new EncodedValues(b, ends, null);
        } catch (RuntimeException e) {
            b.free();
            Arrays.fill(ends, -1);
            return new EncodedValues(null, ends, e);
        } catch (Error e) {
            b.free();
            throw e;
        }
    }

    /** The byte length of value i, or -1 after a failure. */
    long length(int i) {
        return lengths()[i];
    }

    long[] lengths() {
        long[] lens = new long[ends.length];
        for (int i = 0; i < ends.length; i++) {
            lens[i] = failure != null ? -1 : ends[i] - (i == 0 ? 0 : ends[i - 1]);
        }
        return lens;
    }

    long[] offsets() {
        long[] offs = new long[ends.length];
        for (int i = 1; i < ends.length && failure == null; i++) {
            offs[i] = ends[i - 1];
        }
        return offs;
    }

    MemorySegment segment() {
        return buffer == null ? MemorySegment.NULL : buffer.segment();
    }

    /** Throws this rank's failure, else a failure that {@code lens} reports for another rank. */
    void throwIfAnyFailed(long[] lens, String call) {
        if (failure != null) {
            throw failure;
        }
        for (int i = 0; i < lens.length; i++) {
            if (lens[i] < 0) {
                throw ObjectCalls.remoteFailure(call, i);
            }
        }
    }

    void free() {
        if (buffer != null) {
            buffer.free();
        }
    }
}
