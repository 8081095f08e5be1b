package mpi;

import java.nio.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A window for one-sided communication ({@code MPI_Win}): memory of every process of a
 * communicator that the others read and write with {@link #put}, {@link #get},
 * {@link #accumulate} and the atomics, between synchronizations ({@link #fence},
 * {@link #start}/{@link #complete} with {@link #post}/{@link #waitFor}, {@link #lock}/
 * {@link #unlock}, {@link #lockAll}/{@link #unlockAll} and the flushes).
 *
 * <p>Buffers are direct {@link java.nio} buffers, which do not move while MPI uses them; a
 * call completes at the synchronization that ends it, so a get's data may be read and an
 * origin reused only then. Window sizes and displacement units are counted in elements of
 * the buffer given at creation (an {@code IntBuffer} counts 4-byte elements); target
 * displacements are in units of the target's displacement unit. Every buffer starts at
 * its element 0, whatever its position.
 *
 * <p>Errors raise the window's error handler, {@link MPI#ERRORS_ARE_FATAL} until another
 * is set; errors of creation raise the communicator's. With Open MPI 4.1 as Debian
 * configures it, a window over the caller's memory or a dynamic one fails on a
 * communicator of one process; allocated windows work there.
 */
public final class Win extends WinBase implements Freeable {
    /** The null window handle. */
    public static final int WIN_NULL = 0;
    /** Flavor of the allocating constructor: memory private to each process ({@code MPI_Win_allocate}). */
    public static final int FLAVOR_PRIVATE = 0;
    /** Flavor of the allocating constructor: memory shared within a node ({@code MPI_Win_allocate_shared}). */
    public static final int FLAVOR_SHARED = 1;

    /** The buffer given at creation, kept reachable while the window lives. */
    private Buffer base;
    /** The buffers attached to a dynamic window, with their memory as attached. */
    private final List<Attached> attached = new ArrayList<>();

    private record Attached(Buffer buffer, java.lang.foreign.MemorySegment memory) {
    }

    /**
     * A window over the first {@code size} elements of {@code base}, a direct buffer of this
     * process ({@code MPI_Win_create}); collective over {@code comm}.
     *
     * @param base     the window memory, a direct buffer
     * @param size     size of the window, in elements of {@code base}
     * @param dispUnit unit of target displacements, in elements of {@code base}
     * @param info     hints ({@link MPI#INFO_NULL} for none)
     * @param comm     the communicator
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Win(Buffer base, int size, int dispUnit, Info info, Comm comm) throws MPIException {
        Buffers.requireDirect(base, "base");
        this.win = WinSupport.open(WinSupport.Flavor.CREATE, base, size, dispUnit, info, comm);
        this.base = base;
    }

    /**
     * A window over memory MPI allocates on each process, private
     * ({@link #FLAVOR_PRIVATE}, {@code MPI_Win_allocate}) or shared by the processes of a
     * node ({@link #FLAVOR_SHARED}, {@code MPI_Win_allocate_shared}); collective over
     * {@code comm}. The element size of {@code base}, a direct buffer, is the unit of
     * {@code size} and {@code dispUnit}; as MPI returns the base address of the memory,
     * its first 8 bytes receive that address (a native-order long) when it has room. The
     * memory starts zeroed on every process.
     *
     * @param size     size of the window, in elements of {@code base}
     * @param dispUnit unit of target displacements, in elements of {@code base}
     * @param info     hints ({@link MPI#INFO_NULL} for none)
     * @param comm     the communicator
     * @param base     a direct buffer: the element type and where the address goes
     * @param flavor   {@link #FLAVOR_PRIVATE} or {@link #FLAVOR_SHARED}
     * @throws MPIException if an argument is wrong or MPI fails
     */
    public Win(int size, int dispUnit, Info info, Comm comm, Buffer base, int flavor) throws MPIException {
        Buffers.requireDirect(base, "base");
        if (flavor != FLAVOR_PRIVATE && flavor != FLAVOR_SHARED) {
            Errhandler h = comm == null ? MPI.COMM_WORLD.errhandler() : comm.errhandler();
            throw Failure.raise(h, Failure.arg(MPI.ERR_ARG, "flavor: " + flavor
                    + " is neither FLAVOR_PRIVATE nor FLAVOR_SHARED"), "MPI_Win_allocate");
        }
        WinSupport.Flavor f = flavor == FLAVOR_PRIVATE ? WinSupport.Flavor.ALLOCATE : WinSupport.Flavor.SHARED;
        this.win = WinSupport.open(f, base, size, dispUnit, info, comm);
        this.base = base;
    }

    /**
     * A window without memory, to which each process {@link #attach attaches} memory later
     * ({@code MPI_Win_create_dynamic}); collective over {@code comm}. Target displacements
     * are addresses.
     *
     * @param info hints ({@link MPI#INFO_NULL} for none)
     * @param comm the communicator
     * @throws MPIException if MPI fails
     */
    public Win(Info info, Comm comm) throws MPIException {
        this.win = WinSupport.open(WinSupport.Flavor.DYNAMIC, null, 0, 1, info, comm);
    }

    /**
     * Attaches the first {@code size} elements of {@code base}, a direct buffer, to this
     * dynamic window ({@code MPI_Win_attach}); local.
     *
     * @param base the memory, a direct buffer
     * @param size elements of {@code base} to attach
     * @throws MPIException if the window is not dynamic, the memory overlaps memory already
     *                      attached, or MPI fails
     */
    public void attach(Buffer base, int size) throws MPIException {
        Buffers.requireDirect(base, "base");
        run("MPI_Win_attach", w -> {
            java.lang.foreign.MemorySegment m = WinSupport.memory(base, size, "size");
            w.attach(m);
            synchronized (attached) {
                attached.add(new Attached(base, m));
            }
        });
    }

    /**
     * Detaches memory {@link #attach} attached from {@code base} ({@code MPI_Win_detach}); local.
     *
     * @param base the buffer given to {@link #attach}
     * @throws MPIException if nothing is attached at that buffer, or MPI fails
     */
    public void detach(Buffer base) throws MPIException {
        Buffers.requireDirect(base, "base");
        run("MPI_Win_detach", w -> {
            long at = WinSupport.address(base);
            synchronized (attached) {
                for (int i = 0; i < attached.size(); i++) {
                    if (attached.get(i).memory().address() == at) {
                        w.detach(attached.get(i).memory());
                        attached.remove(i);
                        return;
                    }
                }
            }
            throw Failure.arg(MPI.ERR_BASE, "base: no memory of this window is attached at this buffer");
        });
    }

    /**
     * The group of the processes of the window ({@code MPI_Win_get_group}).
     *
     * @return a new group, to free when done
     * @throws MPIException if the window is freed
     */
    public Group getGroup() throws MPIException {
        return call("MPI_Win_get_group", w -> new Group(w.group()));
    }

    /**
     * Ends the current fence epoch and starts the next ({@code MPI_Win_fence}); collective.
     *
     * @param assertion 0 or an OR of {@code MPI.MODE_NOSTORE}, {@code MODE_NOPUT},
     *                  {@code MODE_NOPRECEDE}, {@code MODE_NOSUCCEED}
     * @throws MPIException if another epoch is open, or MPI fails
     */
    public void fence(int assertion) throws MPIException {
        run("MPI_Win_fence", w -> w.fence(WinSupport.asserts(assertion)));
    }

    /**
     * Starts an access epoch to the processes of {@code group}, which {@link #post}
     * ({@code MPI_Win_start}).
     *
     * @param group     processes of the window's group
     * @param assertion 0 or {@code MPI.MODE_NOCHECK}
     * @throws MPIException if an epoch is open, or MPI fails
     */
    public void start(Group group, int assertion) throws MPIException {
        org.jmpi.Group g = WinCalls.group(this, group, "MPI_Win_start");
        run("MPI_Win_start", w -> w.start(g, WinSupport.asserts(assertion)));
    }

    /**
     * Ends the access epoch of {@link #start}, completing its calls ({@code MPI_Win_complete}).
     *
     * @throws MPIException if no access epoch is open, or MPI fails
     */
    public void complete() throws MPIException {
        run("MPI_Win_complete", org.jmpi.Win::complete);
    }

    /**
     * Exposes this process's window to the processes of {@code group}, which
     * {@link #start} ({@code MPI_Win_post}).
     *
     * @param group     processes of the window's group
     * @param assertion 0 or an OR of {@code MPI.MODE_NOCHECK}, {@code MODE_NOSTORE}, {@code MODE_NOPUT}
     * @throws MPIException if an epoch is open, or MPI fails
     */
    public void post(Group group, int assertion) throws MPIException {
        org.jmpi.Group g = WinCalls.group(this, group, "MPI_Win_post");
        run("MPI_Win_post", w -> w.post(g, WinSupport.asserts(assertion)));
    }

    /**
     * Waits until every process of the posted group has completed ({@code MPI_Win_wait}).
     *
     * @throws MPIException if no exposure epoch is open, or MPI fails
     */
    public void waitFor() throws MPIException {
        run("MPI_Win_wait", org.jmpi.Win::waitFor);
    }

    /**
     * Whether every process of the posted group has completed ({@code MPI_Win_test}); once
     * true the exposure epoch has ended.
     *
     * @return whether the epoch ended
     * @throws MPIException if no exposure epoch is open, or MPI fails
     */
    public boolean test() throws MPIException {
        return call("MPI_Win_test", org.jmpi.Win::test);
    }

    /**
     * Starts a passive-target epoch on {@code rank} ({@code MPI_Win_lock}).
     *
     * @param lockType  {@link MPI#LOCK_EXCLUSIVE} or {@link MPI#LOCK_SHARED}
     * @param rank      the target
     * @param assertion 0 or {@code MPI.MODE_NOCHECK}
     * @throws MPIException if an argument is wrong, a conflicting epoch is open, or MPI fails
     */
    public void lock(int lockType, int rank, int assertion) throws MPIException {
        run("MPI_Win_lock", w -> w.lock(rank, WinSupport.lockType(lockType), WinSupport.asserts(assertion)));
    }

    /**
     * Ends the passive-target epoch on {@code rank}, completing its calls ({@code MPI_Win_unlock}).
     *
     * @param rank the target
     * @throws MPIException if no lock on {@code rank} is held, or MPI fails
     */
    public void unlock(int rank) throws MPIException {
        run("MPI_Win_unlock", w -> w.unlock(rank));
    }

    /**
     * Sets the error handler of the window ({@code MPI_Win_set_errhandler}).
     *
     * @param errhandler {@link MPI#ERRORS_RETURN}, {@link MPI#ERRORS_ARE_FATAL} or {@link MPI#ERRORS_ABORT}
     * @throws MPIException if the handler is null or the window freed
     */
    public void setErrhandler(Errhandler errhandler) throws MPIException {
        run("MPI_Win_set_errhandler", w -> {
            if (errhandler == null) {
                throw Failure.arg(MPI.ERR_ARG, "errhandler: null");
            }
            this.errhandler = errhandler;
        });
    }

    /**
     * The error handler of the window ({@code MPI_Win_get_errhandler}).
     *
     * @return the handler
     * @throws MPIException if the window is freed
     */
    public Errhandler getErrhandler() throws MPIException {
        return call("MPI_Win_get_errhandler", w -> handler());
    }

    /**
     * Raises an error on the window ({@code MPI_Win_call_errhandler}): under
     * {@link MPI#ERRORS_RETURN} an {@link MPIException} with the code, else the job ends.
     *
     * @param errorCode an error code or class
     * @throws MPIException under {@link MPI#ERRORS_RETURN}
     */
    public void callErrhandler(int errorCode) throws MPIException {
        run("MPI_Win_call_errhandler", w -> {
            throw Reclassified.called(errorCode, "MPI_Win_call_errhandler");
        });
    }

    /**
     * A new key for window attributes ({@code MPI_Win_create_keyval}); values are stored as
     * serialized copies.
     *
     * @return the key
     * @throws MPIException if MPI does not run
     */
    public static int createKeyval() throws MPIException {
        return Attributes.createKeyval(Attributes.Kind.WIN);
    }

    /**
     * Frees a key of window attributes ({@code MPI_Win_free_keyval}).
     *
     * @param keyval the key
     * @throws MPIException if it is not a window key
     */
    public static void freeKeyval(int keyval) throws MPIException {
        Attributes.freeKeyval(keyval, Attributes.Kind.WIN);
    }

    /**
     * Stores a copy of {@code value}, a serializable object, under {@code keyval}
     * ({@code MPI_Win_set_attr}).
     *
     * @param keyval a key from {@link #createKeyval()}
     * @param value  the value
     * @throws MPIException if the key is not a window key or the window is freed
     */
    public void setAttr(int keyval, Object value) throws MPIException {
        org.jmpi.Win w = call("MPI_Win_set_attr", x -> x);
        Attributes.set(w, keyval, Attributes.Kind.WIN, value, handler());
    }

    /**
     * The value stored under {@code keyval} ({@code MPI_Win_get_attr}), or null. For
     * {@link MPI#WIN_BASE} the address of this process's window memory (a {@code Long}),
     * for {@link MPI#WIN_SIZE} its size in bytes and for {@link MPI#WIN_DISP_UNIT} its
     * displacement unit in bytes ({@code Integer}s).
     *
     * @param keyval the key
     * @return a copy of the value, or null
     * @throws MPIException if the key is not a window key or the window is freed
     */
    public Object getAttr(int keyval) throws MPIException {
        if (keyval == MPI.WIN_BASE || keyval == MPI.WIN_SIZE || keyval == MPI.WIN_DISP_UNIT) {
            return call("MPI_Win_get_attr", w -> {
                if (keyval == MPI.WIN_BASE) {
                    return (Object) w.base();
                }
                long v = keyval == MPI.WIN_SIZE ? w.size() : w.dispUnit();
                return v == (int) v ? (Object) (int) v : (Object) v;
            });
        }
        org.jmpi.Win w = call("MPI_Win_get_attr", x -> x);
        return Attributes.get(w, keyval, Attributes.Kind.WIN, handler());
    }

    /**
     * Deletes the value stored under {@code keyval} ({@code MPI_Win_delete_attr}).
     *
     * @param keyval the key
     * @throws MPIException if the key is not a window key or the window is freed
     */
    public void deleteAttr(int keyval) throws MPIException {
        org.jmpi.Win w = call("MPI_Win_delete_attr", x -> x);
        Attributes.delete(w, keyval, Attributes.Kind.WIN, handler());
    }

    /**
     * Frees the window ({@code MPI_Win_free}); collective. Its attributes are deleted.
     *
     * @throws MPIException if an epoch is still open, the window is already freed, or MPI fails
     */
    @Override
    public void free() throws MPIException {
        run("MPI_Win_free", w -> {
            w.close();
            win = null;
            base = null;
            synchronized (attached) {
                attached.clear();
            }
        });
    }

    /**
     * The hints MPI uses for the window ({@code MPI_Win_get_info}).
     *
     * @return a new info object, to free when done
     * @throws MPIException if the window is freed
     */
    public Info getInfo() throws MPIException {
        return call("MPI_Win_get_info", w -> new Info(w.getInfo()));
    }

    /**
     * Sets hints on the window ({@code MPI_Win_set_info}); collective. MPI may ignore hints
     * it does not know.
     *
     * @param info the hints ({@link MPI#INFO_NULL} for none)
     * @throws MPIException if the info is freed, or MPI fails
     */
    public void setInfo(Info info) throws MPIException {
        org.jmpi.Info i = Info.jmpiOf(info);
        run("MPI_Win_set_info", w -> {
            if (i == null) {
                w.setInfo(Map.of());
            } else {
                w.setInfo(i);
            }
        });
    }

    /**
     * {@link #put} with a request ({@code MPI_Rput}), inside a passive-target epoch; the
     * request completes when {@code origin_addr} may be reused.
     *
     * @param origin_addr     the data, a direct buffer
     * @param origin_count    number of origin elements
     * @param origin_datatype datatype of the origin elements
     * @param target_rank     rank of the target
     * @param target_disp     displacement at the target
     * @param target_count    number of target elements
     * @param target_datatype datatype of the target elements
     * @return the request
     * @throws MPIException if an argument is wrong, there is no passive epoch, or MPI fails
     */
    public final Request rPut(Buffer origin_addr, int origin_count, Datatype origin_datatype, int target_rank,
                              int target_disp, int target_count, Datatype target_datatype) throws MPIException {
        return WinCalls.transfer(this, WinCalls.PUT, origin_addr, origin_count, origin_datatype, target_rank,
                target_disp, target_count, target_datatype, null, true);
    }

    /**
     * {@link #get} with a request ({@code MPI_Rget}), inside a passive-target epoch; the
     * request completes when the data are in {@code origin}.
     *
     * @param origin      where the data go, a direct buffer
     * @param orgCount    number of origin elements
     * @param orgType     datatype of the origin elements
     * @param targetRank  rank of the target
     * @param targetDisp  displacement at the target
     * @param targetCount number of target elements
     * @param targetType  datatype of the target elements
     * @return the request
     * @throws MPIException if an argument is wrong, there is no passive epoch, or MPI fails
     */
    public final Request rGet(Buffer origin, int orgCount, Datatype orgType, int targetRank, int targetDisp,
                              int targetCount, Datatype targetType) throws MPIException {
        return WinCalls.transfer(this, WinCalls.GET, origin, orgCount, orgType, targetRank, targetDisp, targetCount,
                targetType, null, true);
    }

    /**
     * Starts a shared passive-target epoch on every process ({@code MPI_Win_lock_all}).
     *
     * @param assertion 0 or {@code MPI.MODE_NOCHECK}
     * @throws MPIException if an epoch is open, or MPI fails
     */
    public void lockAll(int assertion) throws MPIException {
        run("MPI_Win_lock_all", w -> w.lockAll(WinSupport.asserts(assertion)));
    }

    /**
     * Ends the epoch of {@link #lockAll}, completing its calls ({@code MPI_Win_unlock_all}).
     *
     * @throws MPIException if {@link #lockAll} is not in force, or MPI fails
     */
    public void unlockAll() throws MPIException {
        run("MPI_Win_unlock_all", org.jmpi.Win::unlockAll);
    }

    /**
     * Synchronizes the public and private copies of this process's window ({@code MPI_Win_sync}).
     *
     * @throws MPIException if the window is freed, or MPI fails
     */
    public void sync() throws MPIException {
        run("MPI_Win_sync", org.jmpi.Win::sync);
    }

    /**
     * Completes this process's calls to {@code targetRank} at both ends, inside a
     * passive-target epoch ({@code MPI_Win_flush}).
     *
     * @param targetRank the target
     * @throws MPIException if no passive epoch covers the target, or MPI fails
     */
    public void flush(int targetRank) throws MPIException {
        run("MPI_Win_flush", w -> w.flush(targetRank));
    }

    /**
     * {@link #flush} for every target ({@code MPI_Win_flush_all}).
     *
     * @throws MPIException if no passive epoch is open, or MPI fails
     */
    public void flushAll() throws MPIException {
        run("MPI_Win_flush_all", org.jmpi.Win::flushAll);
    }

    /**
     * Completes this process's calls to {@code targetRank} locally: buffers reusable,
     * fetched data arrived ({@code MPI_Win_flush_local}).
     *
     * @param targetRank the target
     * @throws MPIException if no passive epoch covers the target, or MPI fails
     */
    public void flushLocal(int targetRank) throws MPIException {
        run("MPI_Win_flush_local", w -> w.flushLocal(targetRank));
    }

    /**
     * {@link #flushLocal} for every target ({@code MPI_Win_flush_local_all}).
     *
     * @throws MPIException if no passive epoch is open, or MPI fails
     */
    public void flushLocalAll() throws MPIException {
        run("MPI_Win_flush_local_all", org.jmpi.Win::flushLocalAll);
    }

    /**
     * The window's name ({@code MPI_Win_get_name}).
     *
     * @return the name set, or MPI's default
     * @throws MPIException if the window is freed
     */
    public String getName() throws MPIException {
        return call("MPI_Win_get_name", org.jmpi.Win::name);
    }

    /**
     * Names the window for this process ({@code MPI_Win_set_name}).
     *
     * @param name the name
     * @throws MPIException if the name is null or too long, or the window is freed
     */
    public void setName(String name) throws MPIException {
        run("MPI_Win_set_name", w -> {
            if (name == null) {
                throw Failure.arg(MPI.ERR_ARG, "name: null");
            }
            w.name(name);
        });
    }
}
