package org.jmpi;

import org.jmpi.bindings.abi.MpiCalls;

/** How a window was created ({@code MPI_WIN_CREATE_FLAVOR}), see {@link Win#flavor()}. */
public enum WinFlavor {
    /** {@link Win#create}: memory the caller allocated ({@code MPI_WIN_FLAVOR_CREATE}). */
    CREATE(MpiCalls.MPI_WIN_FLAVOR_CREATE()),
    /** {@link Win#allocate}: memory MPI allocated ({@code MPI_WIN_FLAVOR_ALLOCATE}). */
    ALLOCATE(MpiCalls.MPI_WIN_FLAVOR_ALLOCATE()),
    /** {@link Win#createDynamic}: memory attached later ({@code MPI_WIN_FLAVOR_DYNAMIC}). */
    DYNAMIC(MpiCalls.MPI_WIN_FLAVOR_DYNAMIC()),
    /** {@link Win#allocateShared}: memory shared on one node ({@code MPI_WIN_FLAVOR_SHARED}). */
    SHARED(MpiCalls.MPI_WIN_FLAVOR_SHARED());

    private final int value;

    WinFlavor(int value) {
        this.value = value;
    }

    static WinFlavor of(int value) {
        for (WinFlavor f : values()) {
            if (f.value == value) {
                return f;
            }
        }
        throw new IllegalStateException("unknown MPI window flavor " + value);
    }
}
