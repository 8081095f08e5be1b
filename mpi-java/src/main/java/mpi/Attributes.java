package mpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jmpi.Keyval;
import org.jmpi.MpiConstants;

/**
 * Attributes under integer keys, as the {@code mpi} API hands them out: each key stands
 * for a jmpi {@link Keyval} of serialized values, so a stored value is a copy (changes to
 * the object after {@code setAttr} are not seen) and a duplicated communicator or
 * datatype gets its own copy of every attribute.
 */
final class Attributes {
    /** What a key's attributes are attached to. */
    enum Kind { COMM, DATATYPE, WIN }

    private record Key(Kind kind, Keyval<byte[]> keyval) {
    }

    /** Key numbers start far above the MPIs' predefined keys and never reuse them. */
    private static final AtomicInteger NEXT = new AtomicInteger(0x4000);
    private static final Map<Integer, Key> KEYS = new ConcurrentHashMap<>();

    private Attributes() {
    }

    /** A new key for attributes of {@code kind}. */
    static int createKeyval(Kind kind) throws MPIException {
        Lifecycle.check();
        try {
            Keyval<byte[]> k = switch (kind) {
                case COMM -> Keyval.forComm(byte[]::clone, v -> { });
                case DATATYPE -> Keyval.forDatatype(byte[]::clone, v -> { });
                case WIN -> Keyval.forWin(v -> { });
            };
            int id;
            do {
                id = NEXT.getAndIncrement();
            } while (predefined(id));
            KEYS.put(id, new Key(kind, k));
            return id;
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "create_keyval");
        }
    }

    private static boolean predefined(int id) {
        return id == MpiConstants.TAG_UB || id == MpiConstants.HOST || id == MpiConstants.IO
                || id == MpiConstants.WTIME_IS_GLOBAL || id == MpiConstants.APPNUM
                || id == MpiConstants.LASTUSEDCODE || id == MpiConstants.UNIVERSE_SIZE
                || id == MpiConstants.WIN_BASE || id == MpiConstants.WIN_SIZE
                || id == MpiConstants.WIN_DISP_UNIT || id == MpiConstants.KEYVAL_INVALID;
    }

    /** Frees a key; values stored under it stay until their objects go. */
    static void freeKeyval(int keyval, Kind kind) throws MPIException {
        Keyval<byte[]> k = keyval(keyval, kind, MPI.COMM_WORLD.errhandler());
        KEYS.remove(keyval);
        try {
            k.close();
        } catch (RuntimeException e) {
            throw Failure.raise(MPI.COMM_WORLD.errhandler(), e, "free_keyval");
        }
    }

    /** The jmpi keyval behind {@code keyval}, refused (MPI_ERR_KEYVAL) when it is not one of {@code kind}. */
    static Keyval<byte[]> keyval(int keyval, Kind kind, Errhandler handler) throws MPIException {
        Lifecycle.check();
        Key k = KEYS.get(keyval);
        if (k == null || k.kind != kind) {
            throw Failure.raise(handler, Failure.arg(MPI.ERR_KEYVAL,
                    "keyval: " + keyval + " is not a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                            + " attribute key"), "attribute");
        }
        return k.keyval;
    }

    /**
     * Stores a serialized copy of {@code value} on a jmpi communicator, datatype or window;
     * failures go to {@code handler}, the error handler of the object.
     */
    static void set(Object target, int keyval, Kind kind, Object value, Errhandler handler) throws MPIException {
        Keyval<byte[]> k = keyval(keyval, kind, handler);
        byte[] bytes = serialize(value);
        try {
            switch (target) {
                case org.jmpi.Comm c -> c.setAttr(k, bytes);
                case org.jmpi.Datatype t -> t.setAttr(k, bytes);
                case org.jmpi.Win w -> w.setAttr(k, bytes);
                default -> throw new IllegalArgumentException("target: " + target);
            }
        } catch (RuntimeException e) {
            throw Failure.raise(handler, e, "set_attr");
        }
    }

    /** A copy of the value stored under {@code keyval}, or null. */
    static Object get(Object target, int keyval, Kind kind, Errhandler handler) throws MPIException {
        Keyval<byte[]> k = keyval(keyval, kind, handler);
        byte[] bytes;
        try {
            bytes = (switch (target) {
                case org.jmpi.Comm c -> c.getAttr(k);
                case org.jmpi.Datatype t -> t.getAttr(k);
                case org.jmpi.Win w -> w.getAttr(k);
                default -> throw new IllegalArgumentException("target: " + target);
            }).orElse(null);
        } catch (RuntimeException e) {
            throw Failure.raise(handler, e, "get_attr");
        }
        return deserialize(bytes);
    }

    /** Removes the value stored under {@code keyval}. */
    static void delete(Object target, int keyval, Kind kind, Errhandler handler) throws MPIException {
        Keyval<byte[]> k = keyval(keyval, kind, handler);
        try {
            switch (target) {
                case org.jmpi.Comm c -> c.deleteAttr(k);
                case org.jmpi.Datatype t -> t.deleteAttr(k);
                case org.jmpi.Win w -> w.deleteAttr(k);
                default -> throw new IllegalArgumentException("target: " + target);
            }
        } catch (RuntimeException e) {
            throw Failure.raise(handler, e, "delete_attr");
        }
    }

    /** The serialized form of a value (null stays null). */
    static byte[] serialize(Object value) throws MPIException {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new MPIException(e);
        }
        return bytes.toByteArray();
    }

    /** The value of a serialized form this process made (null stays null). */
    static Object deserialize(byte[] value) throws MPIException {
        if (value == null) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(value))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new MPIException(e);
        }
    }
}
