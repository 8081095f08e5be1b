package org.jmpi;

import java.lang.foreign.MemorySegment;

import org.jmpi.internal.Args;

/**
 * Request-based one-sided calls of a {@link Win}: as {@link OneSided}, but each returns a
 * {@link Request} whose completion means local completion (the origin may be reused,
 * fetched data may be read). Remote completion still needs a flush or unlock. They are
 * only valid inside a passive-target epoch ({@code lock}/{@code lockAll}) covering the
 * target, which is checked first. The request holds the buffers until it completes and
 * cannot be closed while active. An array (or heap segment) goes to MPI as a native copy
 * the request owns: an origin's data are copied when the call is made, and fetched data
 * arrive in the array when the request completes.
 */
public sealed interface OneSidedRequests permits Win {

    /** {@link OneSided#put(Object, int, long) put} with a request ({@code MPI_Rput}). */
    default Request rput(Object origin, int targetRank, long targetDisp) {
        return Rma.transfer(win(), Rma.PUT, origin, targetRank, targetDisp, -1, null, null, new Request());
    }

    /** {@link OneSided#put(Object, int, long, int, Datatype) put} with a request ({@code MPI_Rput}). */
    default Request rput(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType) {
        return Rma.transfer(win(), Rma.PUT, origin, targetRank, targetDisp, Args.count(targetCount, "targetCount"),
                Rma.explicit(targetType), null, new Request());
    }

    /** {@link OneSided#put(MemorySegment, Datatype, int, long) put} with a request ({@code MPI_Rput}). */
    default Request rput(MemorySegment origin, Datatype type, int targetRank, long targetDisp) {
        return Rma.transfer(win(), Rma.PUT, origin, -1, type, targetRank, targetDisp, -1, null, null, new Request());
    }

    /** Put with explicit counts and types, with a request ({@code MPI_Rput}). */
    default Request rput(MemorySegment origin, int originCount, Datatype originType, int targetRank, long targetDisp,
                         int targetCount, Datatype targetType) {
        return Rma.transfer(win(), Rma.PUT, origin, Args.count(originCount, "originCount"), originType, targetRank,
                targetDisp, Args.count(targetCount, "targetCount"), Rma.explicit(targetType), null, new Request());
    }

    /** {@link OneSided#get(Object, int, long) get} with a request ({@code MPI_Rget}). */
    default Request rget(Object origin, int targetRank, long targetDisp) {
        return Rma.transfer(win(), Rma.GET, origin, targetRank, targetDisp, -1, null, null, new Request());
    }

    /** {@link OneSided#get(Object, int, long, int, Datatype) get} with a request ({@code MPI_Rget}). */
    default Request rget(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType) {
        return Rma.transfer(win(), Rma.GET, origin, targetRank, targetDisp, Args.count(targetCount, "targetCount"),
                Rma.explicit(targetType), null, new Request());
    }

    /** {@link OneSided#get(MemorySegment, Datatype, int, long) get} with a request ({@code MPI_Rget}). */
    default Request rget(MemorySegment origin, Datatype type, int targetRank, long targetDisp) {
        return Rma.transfer(win(), Rma.GET, origin, -1, type, targetRank, targetDisp, -1, null, null, new Request());
    }

    /** Get with explicit counts and types, with a request ({@code MPI_Rget}). */
    default Request rget(MemorySegment origin, int originCount, Datatype originType, int targetRank, long targetDisp,
                         int targetCount, Datatype targetType) {
        return Rma.transfer(win(), Rma.GET, origin, Args.count(originCount, "originCount"), originType, targetRank,
                targetDisp, Args.count(targetCount, "targetCount"), Rma.explicit(targetType), null, new Request());
    }

    /** {@link OneSided#accumulate(Object, int, long, Op) accumulate} with a request ({@code MPI_Raccumulate}). */
    default Request raccumulate(Object origin, int targetRank, long targetDisp, Op op) {
        return Rma.transfer(win(), Rma.ACCUMULATE, origin, targetRank, targetDisp, -1, null, op, new Request());
    }

    /** {@link OneSided#accumulate(Object, int, long, int, Datatype, Op) accumulate} with a request ({@code MPI_Raccumulate}). */
    default Request raccumulate(Object origin, int targetRank, long targetDisp, int targetCount, Datatype targetType,
                                Op op) {
        return Rma.transfer(win(), Rma.ACCUMULATE, origin, targetRank, targetDisp,
                Args.count(targetCount, "targetCount"), Rma.explicit(targetType), op, new Request());
    }

    /** {@link OneSided#accumulate(MemorySegment, Datatype, int, long, Op) accumulate} with a request ({@code MPI_Raccumulate}). */
    default Request raccumulate(MemorySegment origin, Datatype type, int targetRank, long targetDisp, Op op) {
        return Rma.transfer(win(), Rma.ACCUMULATE, origin, -1, type, targetRank, targetDisp, -1, null, op,
                new Request());
    }

    /** Accumulate with explicit counts and types, with a request ({@code MPI_Raccumulate}). */
    default Request raccumulate(MemorySegment origin, int originCount, Datatype originType, int targetRank,
                                long targetDisp, int targetCount, Datatype targetType, Op op) {
        return Rma.transfer(win(), Rma.ACCUMULATE, origin, Args.count(originCount, "originCount"), originType,
                targetRank, targetDisp, Args.count(targetCount, "targetCount"), Rma.explicit(targetType), op,
                new Request());
    }

    /**
     * {@link OneSided#getAccumulate(Object, Object, int, long, Op) getAccumulate} with a
     * request ({@code MPI_Rget_accumulate}); {@code result} holds the fetched values once
     * the request completes.
     */
    default Request rgetAccumulate(Object origin, Object result, int targetRank, long targetDisp, Op op) {
        return Rma.getAccumulate(win(), origin, result, targetRank, targetDisp, -1, null, op, new Request());
    }

    /** {@link #rgetAccumulate(Object, Object, int, long, Op)} on {@code targetCount} elements of {@code targetType}. */
    default Request rgetAccumulate(Object origin, Object result, int targetRank, long targetDisp, int targetCount,
                                   Datatype targetType, Op op) {
        return Rma.getAccumulate(win(), origin, result, targetRank, targetDisp, Args.count(targetCount, "targetCount"),
                Rma.explicit(targetType), op, new Request());
    }

    /** {@link #rgetAccumulate(Object, Object, int, long, Op)} of segments, each as elements of {@code type}. */
    default Request rgetAccumulate(MemorySegment origin, MemorySegment result, Datatype type, int targetRank,
                                   long targetDisp, Op op) {
        return Rma.getAccumulate(win(), origin, -1, type, result, -1, type, targetRank, targetDisp, -1, null, op,
                new Request());
    }

    /** Get-accumulate with explicit counts and types, with a request ({@code MPI_Rget_accumulate}). */
    default Request rgetAccumulate(MemorySegment origin, int originCount, Datatype originType, MemorySegment result,
                                   int resultCount, Datatype resultType, int targetRank, long targetDisp,
                                   int targetCount, Datatype targetType, Op op) {
        return Rma.getAccumulate(win(), origin, Args.count(originCount, "originCount"), originType, result,
                Args.count(resultCount, "resultCount"), resultType, targetRank, targetDisp,
                Args.count(targetCount, "targetCount"), Rma.explicit(targetType), op, new Request());
    }

    private Win win() {
        return (Win) this;
    }
}
