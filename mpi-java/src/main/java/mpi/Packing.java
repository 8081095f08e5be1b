package mpi;

/** {@code MPI_Pack}, {@code MPI_Unpack} and {@code MPI_Pack_size} on a communicator. */
final class Packing {
    private Packing() {
    }

    static int pack(CommBase comm, Object inbuf, int incount, Datatype type, byte[] outbuf, int position)
            throws MPIException {
        return comm.call("MPI_Pack", c -> c.pack(Buffers.blocking(inbuf, incount, type, "inbuf", true).buf,
                packed(outbuf, "outbuf"), position));
    }

    static int unpack(CommBase comm, byte[] inbuf, int position, Object outbuf, int outcount, Datatype type)
            throws MPIException {
        return comm.call("MPI_Unpack", c -> {
            Buffers.Region r = Buffers.blocking(outbuf, outcount, type, "outbuf", false);
            int end = c.unpack(packed(inbuf, "inbuf"), position, r.buf);
            r.done();
            return end;
        });
    }

    static int packSize(CommBase comm, int incount, Datatype type) throws MPIException {
        return comm.call("MPI_Pack_size", c -> {
            if (type == null) {
                throw Failure.arg(MPI.ERR_TYPE, "type: null");
            }
            if (incount < 0) {
                throw Failure.arg(MPI.ERR_COUNT, "incount: " + incount + " is negative");
            }
            return c.packSize(incount, type.forBuffer());
        });
    }

    private static byte[] packed(byte[] b, String arg) {
        if (b == null) {
            throw Failure.arg(MPI.ERR_BUFFER, arg + ": null");
        }
        return b;
    }
}
