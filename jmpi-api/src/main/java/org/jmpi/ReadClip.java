package org.jmpi;

/**
 * Clips a nonblocking read to the end of the file. Open MPI 4.1's ompio (fbtl posix)
 * resubmits a partial asynchronous read until it gets every byte, so a nonblocking read
 * that reaches past the end of the file never completes; a blocking read returns short
 * instead. A nonblocking read is therefore started for the whole elements that lie
 * before the end of the file when it starts, which is what a short read would have
 * delivered, and its status counts them. The view's etype positions come from
 * {@code MPI_File_get_byte_offset}, so views with holes are clipped exactly.
 */
final class ReadClip {
    private ReadClip() {
    }

    /**
     * The number of {@code type} elements of a read of {@code count} starting at view
     * offset {@code start} (etypes) that end inside the file.
     */
    static int clip(MpiFile f, long start, int count, Datatype type) {
        long typeBytes = type.size();
        if (count == 0 || typeBytes == 0) {
            return count;
        }
        long etypeBytes = f.etypeBytes();
        long wanted = Math.ceilDiv(Math.multiplyExact(count, typeBytes), etypeBytes);
        long fileBytes = f.size();
        if (fits(f, start, wanted, fileBytes)) {
            return count;
        }
        long lo = 0;
        long hi = wanted - 1;
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (fits(f, start, mid, fileBytes)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return (int) (lo * etypeBytes / typeBytes);
    }

    /** Whether the {@code etypes} etypes from view offset {@code start} all end inside the file. */
    private static boolean fits(MpiFile f, long start, long etypes, long fileBytes) {
        return etypes == 0 || f.byteOffset(start + etypes - 1) + f.etypeFileBytes() <= fileBytes;
    }
}
