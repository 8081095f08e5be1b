package mpi;

import java.nio.*;

/** TODO. */
public final class Win implements Freeable {
    public static final int WIN_NULL = 0;

    public static final int FLAVOR_PRIVATE = 0;

    public static final int FLAVOR_SHARED = 1;

    public Win(Buffer base, int size, int dispUnit, Info info, Comm comm) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Win(int size, int dispUnit, Info info, Comm comm, Buffer base, int flavor) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Win(Info info, Comm comm) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void attach(Buffer base, int size) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void detach(Buffer base) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Group getGroup() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void put(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp, int targetCount, Datatype targetType) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void get(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp, int targetCount, Datatype targetType) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void accumulate(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp, int targetCount, Datatype targetType, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void fence(int assertion) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void start(Group group, int assertion) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void complete() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void post(Group group, int assertion) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void waitFor() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public boolean test() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void lock(int lockType, int rank, int assertion) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void unlock(int rank) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setErrhandler(Errhandler errhandler) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Errhandler getErrhandler() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void callErrhandler(int errorCode) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static int createKeyval() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public static void freeKeyval(int keyval) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setAttr(int keyval, Object value) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Object getAttr(int keyval) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void deleteAttr(int keyval) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void free() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Info getInfo() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setInfo(Info info) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request rPut(Buffer origin_addr, int origin_count, Datatype origin_datatype, int target_rank, int target_disp, int target_count, Datatype target_datatype) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Request rGet(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp, int targetCount, Datatype targetType) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request rAccumulate(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp, int targetCount, Datatype targetType, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void getAccumulate(Buffer origin, int orgCount, Datatype orgType, Buffer resultAddr, int resultCount, Datatype resultType, int targetRank, int targetDisp, int targetCount, Datatype targetType, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public Request rGetAccumulate(Buffer origin, int orgCount, Datatype orgType, Buffer resultAddr, int resultCount, Datatype resultType, int targetRank, int targetDisp, int targetCount, Datatype targetType, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void lockAll(int assertion) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void unlockAll() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void sync() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void flush(int targetRank) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void flushAll() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void compareAndSwap(Buffer origin, Buffer compareAddr, Buffer resultAddr, Datatype targetType, int targetRank, int targetDisp) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void fetchAndOp(Buffer origin, Buffer resultAddr, Datatype dataType, int targetRank, int targetDisp, Op op) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void flushLocal(int targetRank) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void flushLocalAll() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public String getName() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public void setName(String name) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

}
