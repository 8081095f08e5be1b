package mpi;

import java.nio.Buffer;

import org.jmpi.Buf;
import org.jmpi.MpiFile;

/**
 * What every {@link File} holds (the jmpi file and the error handler set on it), the
 * plumbing of its calls, and its data access: blocking reads and writes at explicit
 * offsets, at this process's file pointer, at the shared file pointer and in rank order,
 * and their nonblocking forms. Opening, views, pointers, split collectives and the rest
 * are in {@link File}.
 */
abstract class FileBase {
    /** The jmpi file; null once closed. */
    volatile MpiFile file;
    /** The handler set on the file; null for the default, {@link MPI#ERRORS_RETURN}. */
    volatile Errhandler errhandler;

    FileBase() {
    }

    /** A call on the jmpi file. */
    interface Body<T> {
        T run(MpiFile f);
    }

    /** A data access on the jmpi file with a jmpi buffer. */
    interface Access<T> {
        T run(MpiFile f, Buf b);
    }

    /** The handler in force: the one set, else {@link MPI#ERRORS_RETURN} (the default of files). */
    final Errhandler handler() {
        Errhandler e = errhandler;
        return e == null ? MPI.ERRORS_RETURN : e;
    }

    /** Runs {@code body} on the open file; failures raise the file's error handler. */
    final <T> T call(String name, Body<T> body) throws MPIException {
        Lifecycle.check();
        MpiFile f = file;
        try {
            if (f == null) {
                throw Failure.arg(MPI.ERR_FILE, "file: the file has been closed");
            }
            return body.run(f);
        } catch (RuntimeException e) {
            throw Failure.raise(handler(), FileSupport.classify(e), name);
        }
    }

    /**
     * A blocking access of {@code count} elements of {@code type} in {@code buf}, an array
     * or a buffer from its element 0; a read copies into a {@code boolean[]} afterwards.
     */
    private Status access(String name, Object buf, int count, Datatype type, boolean read,
                          Access<org.jmpi.Status> op) throws MPIException {
        return call(name, f -> {
            Buffers.Region r = Buffers.blocking(buf, count, type, "buf", !read);
            org.jmpi.Status s = op.run(f, r.buf);
            if (read) {
                r.done();
            }
            return new Status(s, -1);
        });
    }

    /** A nonblocking access of {@code count} elements of {@code type} in {@code buf}, a direct buffer. */
    private Request start(String name, Buffer buf, int count, Datatype type, boolean read,
                          Access<org.jmpi.Request> op) throws MPIException {
        Buffers.requireDirect(buf, "buf");
        return call(name, f -> {
            Request q = new Request(op.run(f, Buffers.direct(buf, count, type, "buf")), handler());
            if (read) {
                q.addRecvBufRef(buf);
            } else {
                q.addSendBufRef(buf);
            }
            return q;
        });
    }

    /**
     * Reads {@code count} elements of {@code type} at {@code offset} of the view into {@code buf} ({@code MPI_File_read_at}).
     *
     * @param offset where to start, in etypes of the view
     * @param buf    where the data go: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were read
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status readAt(long offset, Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_read_at", buf, count, type, true, (f, b) -> f.readAt(offset, b));
    }

    /**
     * {@link #readAt} by every process of the file's group, collectively ({@code MPI_File_read_at_all}).
     *
     * @param offset where to start, in etypes of the view
     * @param buf    where the data go: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were read
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status readAtAll(long offset, Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_read_at_all", buf, count, type, true, (f, b) -> f.readAtAll(offset, b));
    }

    /**
     * Writes {@code count} elements of {@code type} from {@code buf} at {@code offset} of the view ({@code MPI_File_write_at}).
     *
     * @param offset where to start, in etypes of the view
     * @param buf    the data: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were written
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status writeAt(long offset, Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_write_at", buf, count, type, false, (f, b) -> f.writeAt(offset, b));
    }

    /**
     * {@link #writeAt} by every process of the file's group, collectively ({@code MPI_File_write_at_all}).
     *
     * @param offset where to start, in etypes of the view
     * @param buf    the data: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were written
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status writeAtAll(long offset, Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_write_at_all", buf, count, type, false, (f, b) -> f.writeAtAll(offset, b));
    }

    /**
     * Reads {@code count} elements of {@code type} into {@code buf} at this process's file pointer, which advances ({@code MPI_File_read}).
     *
     * @param buf    where the data go: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were read
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status read(Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_read", buf, count, type, true, (f, b) -> f.read(b));
    }

    /**
     * {@link #read} by every process of the file's group, collectively ({@code MPI_File_read_all}).
     *
     * @param buf    where the data go: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were read
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status readAll(Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_read_all", buf, count, type, true, (f, b) -> f.readAll(b));
    }

    /**
     * Writes {@code count} elements of {@code type} from {@code buf} at this process's file pointer, which advances ({@code MPI_File_write}).
     *
     * @param buf    the data: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were written
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status write(Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_write", buf, count, type, false, (f, b) -> f.write(b));
    }

    /**
     * {@link #write} by every process of the file's group, collectively ({@code MPI_File_write_all}).
     *
     * @param buf    the data: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were written
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status writeAll(Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_write_all", buf, count, type, false, (f, b) -> f.writeAll(b));
    }

    /**
     * Reads {@code count} elements of {@code type} into {@code buf} at the shared file pointer, which advances ({@code MPI_File_read_shared}).
     *
     * @param buf    where the data go: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were read
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status readShared(Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_read_shared", buf, count, type, true, (f, b) -> f.readShared(b));
    }

    /**
     * Writes {@code count} elements of {@code type} from {@code buf} at the shared file pointer, which advances ({@code MPI_File_write_shared}).
     *
     * @param buf    the data: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were written
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status writeShared(Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_write_shared", buf, count, type, false, (f, b) -> f.writeShared(b));
    }

    /**
     * Reads at the shared file pointer in rank order, collectively: each process reads {@code count} elements of {@code type} after those of the lower ranks ({@code MPI_File_read_ordered}).
     *
     * @param buf    where the data go: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were read
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status readOrdered(Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_read_ordered", buf, count, type, true, (f, b) -> f.readOrdered(b));
    }

    /**
     * Writes at the shared file pointer in rank order, collectively: each process writes {@code count} elements of {@code type} after those of the lower ranks ({@code MPI_File_write_ordered}).
     *
     * @param buf    the data: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the status, whose count tells how many elements were written
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Status writeOrdered(Object buf, int count, Datatype type) throws MPIException {
        return access("MPI_File_write_ordered", buf, count, type, false, (f, b) -> f.writeOrdered(b));
    }

    /**
     * Starts {@link #readAt} ({@code MPI_File_iread_at}); the data are in {@code buf} once the request completes.
     *
     * @param offset where to start, in etypes of the view
     * @param buf    where the data go: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iReadAt(long offset, Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iread_at", buf, count, type, true, (f, b) -> f.ireadAt(offset, b));
    }

    /**
     * Starts {@link #readAtAll} ({@code MPI_File_iread_at_all}); the data are in {@code buf} once the request completes.
     *
     * @param offset where to start, in etypes of the view
     * @param buf    where the data go: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iReadAtAll(long offset, Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iread_at_all", buf, count, type, true, (f, b) -> f.ireadAtAll(offset, b));
    }

    /**
     * Starts {@link #writeAt} ({@code MPI_File_iwrite_at}); the buffer may be reused once {@code buf} the request completes.
     *
     * @param offset where to start, in etypes of the view
     * @param buf    the data: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iWriteAt(long offset, Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iwrite_at", buf, count, type, false, (f, b) -> f.iwriteAt(offset, b));
    }

    /**
     * Starts {@link #writeAtAll} ({@code MPI_File_iwrite_at_all}); the buffer may be reused once {@code buf} the request completes.
     *
     * @param offset where to start, in etypes of the view
     * @param buf    the data: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iWriteAtAll(long offset, Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iwrite_at_all", buf, count, type, false, (f, b) -> f.iwriteAtAll(offset, b));
    }

    /**
     * Starts {@link #read} ({@code MPI_File_iread}); the data are in {@code buf} once the request completes.
     *
     * @param buf    where the data go: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iRead(Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iread", buf, count, type, true, (f, b) -> f.iread(b));
    }

    /**
     * Starts {@link #readAll} ({@code MPI_File_iread_all}); the data are in {@code buf} once the request completes.
     *
     * @param buf    where the data go: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iReadAll(Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iread_all", buf, count, type, true, (f, b) -> f.ireadAll(b));
    }

    /**
     * Starts {@link #write} ({@code MPI_File_iwrite}); the buffer may be reused once {@code buf} the request completes.
     *
     * @param buf    the data: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iWrite(Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iwrite", buf, count, type, false, (f, b) -> f.iwrite(b));
    }

    /**
     * Starts {@link #writeAll} ({@code MPI_File_iwrite_all}); the buffer may be reused once {@code buf} the request completes.
     *
     * @param buf    the data: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iWriteAll(Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iwrite_all", buf, count, type, false, (f, b) -> f.iwriteAll(b));
    }

    /**
     * Starts {@link #readShared} ({@code MPI_File_iread_shared}); the data are in {@code buf} once the request completes.
     *
     * @param buf    where the data go: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iReadShared(Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iread_shared", buf, count, type, true, (f, b) -> f.ireadShared(b));
    }

    /**
     * Starts {@link #writeShared} ({@code MPI_File_iwrite_shared}); the buffer may be reused once {@code buf} the request completes.
     *
     * @param buf    the data: a direct buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @return the request
     * @throws MPIException if an argument is wrong, the access mode forbids it, or MPI fails
     */
    public Request iWriteShared(Buffer buf, int count, Datatype type) throws MPIException {
        return start("MPI_File_iwrite_shared", buf, count, type, false, (f, b) -> f.iwriteShared(b));
    }
}
