package org.jmpi;

/**
 * A file view as {@link MpiFile#view()} reports it ({@code MPI_File_get_view}): the
 * displacement in bytes where the view starts, the elementary type that offsets count,
 * the filetype that tiles the file from the displacement on, and the data
 * representation. MPI hands out new copies of derived types: close the view (or the
 * types) when done; predefined types are left alone.
 *
 * @param displacement bytes from the start of the file to the start of the view
 * @param etype        the elementary datatype: offsets and counts are in its units
 * @param filetype     the datatype that selects the process's part of the file
 * @param datarep      the data representation ({@code "native"}, {@code "internal"},
 *                     {@code "external32"})
 */
public record FileView(long displacement, Datatype etype, Datatype filetype, String datarep)
        implements AutoCloseable {

    /** Frees the derived types of this view ({@code MPI_Type_free}); predefined ones stay. */
    @Override
    public void close() {
        try {
            etype.close();
        } finally {
            filetype.close();
        }
    }
}
