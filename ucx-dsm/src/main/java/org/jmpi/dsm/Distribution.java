package org.jmpi.dsm;

/** How a global array's elements are spread over the ranks. */
public enum Distribution {
    /** Consecutive blocks of {@code ceil(n / size)} elements: rank r owns [r*b, (r+1)*b). */
    BLOCK,
    /** Round robin: element i lives on rank {@code i % size}. */
    CYCLIC
}
