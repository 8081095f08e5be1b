package org.jmpi;

/** How a window was created ({@code MPI_WIN_CREATE_FLAVOR}), see {@link Win#flavor()}. */
public enum WinFlavor {
    /** {@link Win#create}: memory the caller allocated ({@code MPI_WIN_FLAVOR_CREATE}). */
    CREATE,
    /** {@link Win#allocate}: memory MPI allocated ({@code MPI_WIN_FLAVOR_ALLOCATE}). */
    ALLOCATE,
    /** {@link Win#createDynamic}: memory attached later ({@code MPI_WIN_FLAVOR_DYNAMIC}). */
    DYNAMIC,
    /** {@link Win#allocateShared}: memory shared on one node ({@code MPI_WIN_FLAVOR_SHARED}). */
    SHARED;

    /** The constant whose C value is {@code value}. */
    static WinFlavor of(int value) {
        return Codes.decode(WinFlavor.class, value);
    }
}
