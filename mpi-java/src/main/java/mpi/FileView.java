package mpi;

import java.nio.*;

/** TODO. */
public final class FileView {
    public FileView(long disp, Datatype etype, Datatype filetype, String datarep) {
        throw new UnsupportedOperationException("not yet");
    }

    public long getDisp() {
        throw new UnsupportedOperationException("not yet");
    }

    public Datatype getEType() {
        throw new UnsupportedOperationException("not yet");
    }

    public Datatype getFileType() {
        throw new UnsupportedOperationException("not yet");
    }

    public String getDataRep() {
        throw new UnsupportedOperationException("not yet");
    }

}
