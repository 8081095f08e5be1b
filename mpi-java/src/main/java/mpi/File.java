package mpi;

import org.jmpi.MpiFile;

/**
 * A file opened by every process of a communicator for parallel I/O ({@code MPI_File}).
 *
 * <p>Offsets, positions and counts are in etypes of the view ({@link #setView}); until a
 * view is set the file is a sequence of bytes. Blocking calls take Java primitive arrays
 * and buffers, nonblocking calls direct buffers; every buffer starts at its element 0,
 * whatever its position. Split collectives ({@code *Begin}/{@code *End}) take any of
 * them: the end call gets the same buffer object again, and holds the data of a read.
 * Collective calls (open, close, {@code *All}, {@code *Ordered}, the split collectives,
 * {@link #setView}, {@link #setSize}, {@link #preallocate}, {@link #setInfo},
 * {@link #sync}, {@link #setAtomicity}, {@link #seekShared}) are made by every process
 * of the file's group.
 *
 * <p>Errors raise the file's error handler, {@link MPI#ERRORS_RETURN} until another is
 * set (so they are thrown as {@link MPIException}s); errors of opening and deleting are
 * always thrown.
 */
public final class File extends FileBase {
    /** The view last set by this process, or the default: bytes from the start. */
    private volatile FileView view = new FileView(0, MPI.BYTE, MPI.BYTE, "native");
    /** The split collective begun and not yet ended: its buffer as given and as jmpi got it. */
    private volatile Split split;

    private record Split(String begin, Object buf, Buffers.Region region, boolean read) {
    }

    /**
     * Opens {@code filename} on every process of {@code comm} ({@code MPI_File_open}); collective.
     *
     * @param comm     the communicator
     * @param filename the file's name
     * @param amode    an OR of {@code MPI.MODE_*}, with exactly one of {@code MODE_RDONLY},
     *                 {@code MODE_WRONLY} and {@code MODE_RDWR}
     * @throws MPIException if the mode is wrong or MPI cannot open the file
     */
    public File(Comm comm, String filename, int amode) throws MPIException {
        this(comm, filename, amode, MPI.INFO_NULL);
    }

    /**
     * Opens {@code filename} with hints ({@code MPI_File_open}); collective.
     *
     * @param comm     the communicator
     * @param filename the file's name
     * @param amode    an OR of {@code MPI.MODE_*}
     * @param info     hints ({@link MPI#INFO_NULL} for none)
     * @throws MPIException if the mode is wrong or MPI cannot open the file
     */
    public File(Comm comm, String filename, int amode, Info info) throws MPIException {
        Lifecycle.check();
        if (comm == null) {
            throw Failure.of(Failure.arg(MPI.ERR_COMM, "comm: null"));
        }
        org.jmpi.Comm c = comm.jmpi();
        org.jmpi.Info i = Info.jmpiOf(info);
        try {
            if (filename == null) {
                throw Failure.arg(MPI.ERR_ARG, "filename: null");
            }
            this.file = MpiFile.open(c, filename, FileSupport.modes(amode), FileSupport.hints(i));
        } catch (RuntimeException e) {
            throw Failure.of(FileSupport.classify(e));
        }
    }

    /** Runs {@code body} on the open file, without result. */
    private void run(String name, java.util.function.Consumer<MpiFile> body) throws MPIException {
        call(name, f -> {
            body.accept(f);
            return null;
        });
    }

    /**
     * Closes the file ({@code MPI_File_close}); collective. A file opened with
     * {@code MODE_DELETE_ON_CLOSE} is deleted.
     *
     * @throws MPIException if it is already closed, a nonblocking access or split
     *                      collective is still active, or MPI fails
     */
    public void close() throws MPIException {
        run("MPI_File_close", f -> {
            f.close();
            file = null;
        });
    }

    /**
     * Deletes the file {@code filename} ({@code MPI_File_delete}).
     *
     * @param filename the file's name
     * @throws MPIException if the file does not exist or cannot be deleted
     */
    public static void delete(String filename) throws MPIException {
        delete(filename, MPI.INFO_NULL);
    }

    /**
     * Deletes the file {@code filename} ({@code MPI_File_delete}). The hints are checked
     * but not passed on: MPI's implementations use none for deletion.
     *
     * @param filename the file's name
     * @param info     hints ({@link MPI#INFO_NULL} for none)
     * @throws MPIException if the file does not exist or cannot be deleted
     */
    public static void delete(String filename, Info info) throws MPIException {
        Lifecycle.check();
        Info.jmpiOf(info);
        try {
            if (filename == null) {
                throw Failure.arg(MPI.ERR_ARG, "filename: null");
            }
            MpiFile.delete(filename);
        } catch (RuntimeException e) {
            throw Failure.of(FileSupport.classify(e));
        }
    }

    /**
     * Truncates or extends the file to {@code size} bytes ({@code MPI_File_set_size}); collective.
     *
     * @param size the new size in bytes
     * @throws MPIException if the size is negative, or MPI fails
     */
    public void setSize(long size) throws MPIException {
        run("MPI_File_set_size", f -> f.setSize(size));
    }

    /**
     * Reserves storage for the first {@code size} bytes ({@code MPI_File_preallocate}); collective.
     *
     * @param size bytes to reserve
     * @throws MPIException if the size is negative, or MPI fails
     */
    public void preallocate(long size) throws MPIException {
        run("MPI_File_preallocate", f -> f.preallocate(size));
    }

    /**
     * The size of the file in bytes ({@code MPI_File_get_size}).
     *
     * @return the size
     * @throws MPIException if the file is closed, or MPI fails
     */
    public long getSize() throws MPIException {
        return call("MPI_File_get_size", MpiFile::size);
    }

    /**
     * The group of the processes that opened the file ({@code MPI_File_get_group}).
     *
     * @return a new group, to free when done
     * @throws MPIException if the file is closed
     */
    public Group getGroup() throws MPIException {
        return call("MPI_File_get_group", f -> new Group(f.group()));
    }

    /**
     * The access mode the file was opened with ({@code MPI_File_get_amode}).
     *
     * @return an OR of {@code MPI.MODE_*}
     * @throws MPIException if the file is closed
     */
    public int getAMode() throws MPIException {
        return call("MPI_File_get_amode", f -> FileSupport.amode(f.modes()));
    }

    /**
     * Sets hints on the file ({@code MPI_File_set_info}); collective. MPI may ignore them.
     *
     * @param info the hints ({@link MPI#INFO_NULL} for none)
     * @throws MPIException if the info is freed, or MPI fails
     */
    public void setInfo(Info info) throws MPIException {
        org.jmpi.Info i = Info.jmpiOf(info);
        run("MPI_File_set_info", f -> f.setInfo(FileSupport.hints(i)));
    }

    /**
     * The hints MPI uses for the file ({@code MPI_File_get_info}).
     *
     * @return a new info object, to free when done
     * @throws MPIException if the file is closed
     */
    public Info getInfo() throws MPIException {
        return call("MPI_File_get_info", f -> new Info(f.getInfo()));
    }

    /**
     * Sets this process's view ({@code MPI_File_set_view}); collective. Both file pointers
     * go back to the start of the view.
     *
     * @param disp     bytes from the start of the file to the start of the view, or
     *                 {@code MPI.DISPLACEMENT_CURRENT} on a file opened {@code MODE_SEQUENTIAL}
     * @param etype    the elementary datatype, committed
     * @param filetype the datatype that tiles the file from {@code disp} on, built of etypes, committed
     * @param datarep  {@code "native"}, {@code "internal"} or {@code "external32"}
     * @throws MPIException if an argument is wrong, an access is active, or MPI fails
     */
    public void setView(long disp, Datatype etype, Datatype filetype, String datarep) throws MPIException {
        setView(disp, etype, filetype, datarep, MPI.INFO_NULL);
    }

    /**
     * Sets this process's view with hints ({@code MPI_File_set_view}); collective.
     *
     * @param disp     bytes from the start of the file to the start of the view
     * @param etype    the elementary datatype, committed
     * @param filetype the datatype that tiles the file from {@code disp} on, committed
     * @param datarep  the data representation
     * @param info     hints ({@link MPI#INFO_NULL} for none)
     * @throws MPIException if an argument is wrong, an access is active, or MPI fails
     */
    public void setView(long disp, Datatype etype, Datatype filetype, String datarep, Info info)
            throws MPIException {
        org.jmpi.Info i = Info.jmpiOf(info);
        run("MPI_File_set_view", f -> {
            if (etype == null || filetype == null) {
                throw Failure.arg(MPI.ERR_TYPE, (etype == null ? "etype" : "filetype") + ": null");
            }
            if (datarep == null) {
                throw Failure.arg(MPI.ERR_UNSUPPORTED_DATAREP, "datarep: null");
            }
            f.setView(disp, etype.forBuffer(), filetype.forBuffer(), datarep, FileSupport.hints(i));
            view = new FileView(disp, etype, filetype, datarep);
        });
    }

    /**
     * The view this process last set, with the datatypes it gave; bytes from the start of
     * the file until one is set.
     *
     * @return the view
     */
    public FileView getView() {
        return view;
    }

    /**
     * Moves this process's file pointer to {@code offset} etypes from {@code whence}
     * ({@code MPI_File_seek}).
     *
     * @param offset etypes from {@code whence}
     * @param whence {@code MPI.SEEK_SET}, {@code MPI.SEEK_CUR} or {@code MPI.SEEK_END}
     * @throws MPIException if the position would be negative, or MPI fails
     */
    public void seek(long offset, int whence) throws MPIException {
        run("MPI_File_seek", f -> f.seek(offset, FileSupport.whence(whence)));
    }

    /**
     * This process's file pointer, in etypes from the start of the view ({@code MPI_File_get_position}).
     *
     * @return the position
     * @throws MPIException if the file is closed, or MPI fails
     */
    public long getPosition() throws MPIException {
        return call("MPI_File_get_position", MpiFile::position);
    }

    /**
     * The byte position in the file of view offset {@code offset} ({@code MPI_File_get_byte_offset}).
     *
     * @param offset etypes from the start of the view
     * @return bytes from the start of the file
     * @throws MPIException if the offset is negative, or MPI fails
     */
    public long getByteOffset(long offset) throws MPIException {
        return call("MPI_File_get_byte_offset", f -> f.byteOffset(offset));
    }

    /**
     * Moves the shared file pointer ({@code MPI_File_seek_shared}); collective, with the
     * same arguments everywhere.
     *
     * @param offset etypes from {@code whence}
     * @param whence {@code MPI.SEEK_SET}, {@code MPI.SEEK_CUR} or {@code MPI.SEEK_END}
     * @throws MPIException if the position would be negative, or MPI fails
     */
    public void seekShared(long offset, int whence) throws MPIException {
        run("MPI_File_seek_shared", f -> f.seekShared(offset, FileSupport.whence(whence)));
    }

    /**
     * The shared file pointer, in etypes from the start of the view
     * ({@code MPI_File_get_position_shared}).
     *
     * @return the position
     * @throws MPIException if the file is closed, or MPI fails
     */
    public long getPositionShared() throws MPIException {
        return call("MPI_File_get_position_shared", MpiFile::positionShared);
    }

    /**
     * Begins {@link #readAtAll} ({@code MPI_File_read_at_all_begin}); end it with
     * {@link #readAtAllEnd} on the same buffer.
     *
     * @param offset where to start, in etypes of the view
     * @param buf    where the data go: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @throws MPIException if an argument is wrong, a split collective is active, or MPI fails
     */
    public void readAtAllBegin(long offset, Object buf, int count, Datatype type) throws MPIException {
        begin("MPI_File_read_at_all_begin", buf, count, type, true, (f, b) -> f.readAtAllBegin(offset, b));
    }

    /**
     * Ends {@link #readAtAllBegin} ({@code MPI_File_read_at_all_end}); {@code buf} then holds the data.
     *
     * @param buf the buffer given to the begin call
     * @return the status of the read
     * @throws MPIException if no such access is active on {@code buf}, or MPI fails
     */
    public Status readAtAllEnd(Object buf) throws MPIException {
        return end("MPI_File_read_at_all_end", buf, MpiFile::readAtAllEnd);
    }

    /**
     * Begins {@link #writeAtAll} ({@code MPI_File_write_at_all_begin}); end it with
     * {@link #writeAtAllEnd} on the same buffer.
     *
     * @param offset where to start, in etypes of the view
     * @param buf    the data: an array or a buffer
     * @param count  number of elements
     * @param type   datatype of each element
     * @throws MPIException if an argument is wrong, a split collective is active, or MPI fails
     */
    public void writeAtAllBegin(long offset, Object buf, int count, Datatype type) throws MPIException {
        begin("MPI_File_write_at_all_begin", buf, count, type, false, (f, b) -> f.writeAtAllBegin(offset, b));
    }

    /**
     * Ends {@link #writeAtAllBegin} ({@code MPI_File_write_at_all_end}).
     *
     * @param buf the buffer given to the begin call
     * @return the status of the write
     * @throws MPIException if no such access is active on {@code buf}, or MPI fails
     */
    public Status writeAtAllEnd(Object buf) throws MPIException {
        return end("MPI_File_write_at_all_end", buf, MpiFile::writeAtAllEnd);
    }

    /**
     * Begins {@link #readAll} ({@code MPI_File_read_all_begin}); end it with
     * {@link #readAllEnd} on the same buffer.
     *
     * @param buf   where the data go: an array or a buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @throws MPIException if an argument is wrong, a split collective is active, or MPI fails
     */
    public void readAllBegin(Object buf, int count, Datatype type) throws MPIException {
        begin("MPI_File_read_all_begin", buf, count, type, true, MpiFile::readAllBegin);
    }

    /**
     * Ends {@link #readAllBegin} ({@code MPI_File_read_all_end}); {@code buf} then holds the data.
     *
     * @param buf the buffer given to the begin call
     * @return the status of the read
     * @throws MPIException if no such access is active on {@code buf}, or MPI fails
     */
    public Status readAllEnd(Object buf) throws MPIException {
        return end("MPI_File_read_all_end", buf, MpiFile::readAllEnd);
    }

    /**
     * Begins {@link #writeAll} ({@code MPI_File_write_all_begin}); end it with
     * {@link #writeAllEnd} on the same buffer.
     *
     * @param buf   the data: an array or a buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @throws MPIException if an argument is wrong, a split collective is active, or MPI fails
     */
    public void writeAllBegin(Object buf, int count, Datatype type) throws MPIException {
        begin("MPI_File_write_all_begin", buf, count, type, false, MpiFile::writeAllBegin);
    }

    /**
     * Ends {@link #writeAllBegin} ({@code MPI_File_write_all_end}).
     *
     * @param buf the buffer given to the begin call
     * @return the status of the write
     * @throws MPIException if no such access is active on {@code buf}, or MPI fails
     */
    public Status writeAllEnd(Object buf) throws MPIException {
        return end("MPI_File_write_all_end", buf, MpiFile::writeAllEnd);
    }

    /**
     * Begins {@link #readOrdered} ({@code MPI_File_read_ordered_begin}); end it with
     * {@link #readOrderedEnd} on the same buffer.
     *
     * @param buf   where the data go: an array or a buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @throws MPIException if an argument is wrong, a split collective is active, or MPI fails
     */
    public void readOrderedBegin(Object buf, int count, Datatype type) throws MPIException {
        begin("MPI_File_read_ordered_begin", buf, count, type, true, MpiFile::readOrderedBegin);
    }

    /**
     * Ends {@link #readOrderedBegin} ({@code MPI_File_read_ordered_end}); {@code buf} then holds the data.
     *
     * @param buf the buffer given to the begin call
     * @return the status of the read
     * @throws MPIException if no such access is active on {@code buf}, or MPI fails
     */
    public Status readOrderedEnd(Object buf) throws MPIException {
        return end("MPI_File_read_ordered_end", buf, MpiFile::readOrderedEnd);
    }

    /**
     * Begins {@link #writeOrdered} ({@code MPI_File_write_ordered_begin}); end it with
     * {@link #writeOrderedEnd} on the same buffer.
     *
     * @param buf   the data: an array or a buffer
     * @param count number of elements
     * @param type  datatype of each element
     * @throws MPIException if an argument is wrong, a split collective is active, or MPI fails
     */
    public void writeOrderedBegin(Object buf, int count, Datatype type) throws MPIException {
        begin("MPI_File_write_ordered_begin", buf, count, type, false, MpiFile::writeOrderedBegin);
    }

    /**
     * Ends {@link #writeOrderedBegin} ({@code MPI_File_write_ordered_end}).
     *
     * @param buf the buffer given to the begin call
     * @return the status of the write
     * @throws MPIException if no such access is active on {@code buf}, or MPI fails
     */
    public Status writeOrderedEnd(Object buf) throws MPIException {
        return end("MPI_File_write_ordered_end", buf, MpiFile::writeOrderedEnd);
    }

    /** A begin call of a split collective on jmpi. */
    private interface Begin {
        void run(MpiFile f, org.jmpi.Buf b);
    }

    /** An end call of a split collective on jmpi. */
    private interface End {
        org.jmpi.Status run(MpiFile f, org.jmpi.Buf b);
    }

    private void begin(String name, Object buf, int count, Datatype type, boolean read, Begin op)
            throws MPIException {
        run(name, f -> {
            Split s = split;
            if (s != null) {
                throw Failure.arg(MPI.ERR_OTHER, name + ": the split collective " + s.begin + " is still active");
            }
            Buffers.Region r = Buffers.blocking(buf, count, type, "buf", !read);
            op.run(f, r.buf);
            split = new Split(name, buf, r, read);
        });
    }

    private Status end(String name, Object buf, End op) throws MPIException {
        return call(name, f -> {
            Split s = split;
            if (s == null) {
                throw Failure.arg(MPI.ERR_OTHER, name + ": no split collective is active on the file");
            }
            if (s.buf != buf) {
                throw Failure.arg(MPI.ERR_BUFFER, "buf: not the buffer given to " + s.begin);
            }
            org.jmpi.Status st;
            try {
                st = op.run(f, s.region.buf);
            } catch (org.jmpi.MpiException e) {
                split = null;
                throw e;
            }
            split = null;
            if (s.read) {
                s.region.done();
            }
            return new Status(st, -1);
        });
    }

    /**
     * The extent of {@code type} in the file's data representation, in elements of its base
     * type ({@code MPI_File_get_type_extent}).
     *
     * @param type the datatype
     * @return its extent in the file
     * @throws MPIException if the type is null or freed, or MPI fails
     */
    public int getTypeExtent(Datatype type) throws MPIException {
        org.jmpi.Datatype t = type == null ? null : type.jmpi();
        return call("MPI_File_get_type_extent", f -> {
            if (t == null) {
                throw Failure.arg(MPI.ERR_TYPE, "type: null");
            }
            return (int) (f.typeExtent(t) / Math.max(1, type.baseSize));
        });
    }

    /**
     * Turns atomic mode on or off ({@code MPI_File_set_atomicity}); collective.
     *
     * @param atomicity whether conflicting accesses are to be sequentially consistent
     * @throws MPIException if the file is closed, or MPI fails
     */
    public void setAtomicity(boolean atomicity) throws MPIException {
        run("MPI_File_set_atomicity", f -> f.setAtomicity(atomicity));
    }

    /**
     * Whether atomic mode is on ({@code MPI_File_get_atomicity}).
     *
     * @return the mode
     * @throws MPIException if the file is closed, or MPI fails
     */
    public boolean getAtomicity() throws MPIException {
        return call("MPI_File_get_atomicity", MpiFile::atomicity);
    }

    /**
     * Transfers this process's writes to storage ({@code MPI_File_sync}); collective.
     *
     * @throws MPIException if the file is closed, or MPI fails
     */
    public void sync() throws MPIException {
        run("MPI_File_sync", MpiFile::sync);
    }

    /**
     * Sets the error handler of the file ({@code MPI_File_set_errhandler}).
     *
     * @param errhandler {@link MPI#ERRORS_RETURN}, {@link MPI#ERRORS_ARE_FATAL} or {@link MPI#ERRORS_ABORT}
     * @throws MPIException if the handler is null or the file closed
     */
    public void setErrhandler(Errhandler errhandler) throws MPIException {
        run("MPI_File_set_errhandler", f -> {
            if (errhandler == null) {
                throw Failure.arg(MPI.ERR_ARG, "errhandler: null");
            }
            this.errhandler = errhandler;
        });
    }

    /**
     * The error handler of the file ({@code MPI_File_get_errhandler}).
     *
     * @return the handler, {@link MPI#ERRORS_RETURN} unless another was set
     * @throws MPIException if the file is closed
     */
    public Errhandler getErrhandler() throws MPIException {
        return call("MPI_File_get_errhandler", f -> handler());
    }

    /**
     * Raises an error on the file ({@code MPI_File_call_errhandler}): under
     * {@link MPI#ERRORS_RETURN} an {@link MPIException} with the code, else the job ends.
     *
     * @param errorCode an error code or class
     * @throws MPIException under {@link MPI#ERRORS_RETURN}
     */
    public void callErrhandler(int errorCode) throws MPIException {
        run("MPI_File_call_errhandler", f -> {
            throw Reclassified.called(errorCode, "MPI_File_call_errhandler");
        });
    }
}
