package mpi;

/**
 * A file view as {@link File#setView} set it and {@link File#getView()} reports it: where
 * in the file the view starts (bytes), the elementary type that offsets and counts are in,
 * the filetype that selects this process's part of the file from there on, and the data
 * representation. A plain value: it holds the datatype objects it was given.
 */
public final class FileView {
    private final long disp;
    private final Datatype etype;
    private final Datatype filetype;
    private final String datarep;

    /**
     * A view.
     *
     * @param disp     bytes from the start of the file to the start of the view
     * @param etype    the elementary datatype
     * @param filetype the datatype that tiles the file from {@code disp} on
     * @param datarep  the data representation ({@code "native"}, {@code "internal"},
     *                 {@code "external32"})
     */
    public FileView(long disp, Datatype etype, Datatype filetype, String datarep) {
        this.disp = disp;
        this.etype = etype;
        this.filetype = filetype;
        this.datarep = datarep;
    }

    /**
     * Bytes from the start of the file to the start of the view.
     *
     * @return the displacement
     */
    public long getDisp() {
        return disp;
    }

    /**
     * The elementary datatype: file offsets and counts are in units of it.
     *
     * @return the etype
     */
    public Datatype getEType() {
        return etype;
    }

    /**
     * The datatype that selects this process's part of the file.
     *
     * @return the filetype
     */
    public Datatype getFileType() {
        return filetype;
    }

    /**
     * The data representation.
     *
     * @return its name
     */
    public String getDataRep() {
        return datarep;
    }
}
