package mpi;

/** A count of elements that may exceed the {@code int} range ({@code MPI_Count}). */
public final class Count implements Comparable<Object> {
    private long count;

    /**
     * A count.
     *
     * @param count the number
     */
    public Count(long count) {
        this.count = count;
    }

    /**
     * The number.
     *
     * @return the count
     */
    public long getCount() {
        return count;
    }

    /**
     * Changes the number.
     *
     * @param count the new count
     */
    public void setCount(long count) {
        this.count = count;
    }

    /** Counts are equal when their numbers are. */
    @Override
    public boolean equals(Object obj) {
        return obj instanceof Count c && c.count == count;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count);
    }

    /** Orders counts by their numbers; {@code obj} must be a {@link Count}. */
    @Override
    public int compareTo(Object obj) {
        return Long.compare(count, ((Count) obj).count);
    }

    @Override
    public String toString() {
        return Long.toString(count);
    }
}
