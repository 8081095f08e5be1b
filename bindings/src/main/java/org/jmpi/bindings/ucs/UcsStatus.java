package org.jmpi.bindings.ucs;

import java.lang.foreign.MemorySegment;

import org.jmpi.bindings.ucx.ucp_h;

/**
 * The {@code UCS_PTR_*} macros of {@code ucs/type/status.h}, which jextract cannot
 * translate: a {@code ucs_status_ptr_t} is either NULL (done), an error code in the
 * last page of the address space, or a request pointer.
 */
public final class UcsStatus {
    /** {@code UCS_ERR_LAST}: error codes are in (UCS_ERR_LAST, 0). */
    private static final long ERR_LAST = -100;

    private UcsStatus() {
    }

    /** {@code UCS_PTR_IS_ERR}: the pointer encodes an error status. */
    public static boolean isErr(MemorySegment ptr) {
        return Long.compareUnsigned(ptr.address(), ERR_LAST) >= 0;
    }

    /** {@code UCS_PTR_IS_PTR}: the pointer is a request handle (neither NULL nor an error). */
    public static boolean isPtr(MemorySegment ptr) {
        return ptr.address() != 0 && !isErr(ptr);
    }

    /** {@code UCS_PTR_STATUS}: UCS_OK for NULL, UCS_INPROGRESS for a request, else the error. */
    public static byte status(MemorySegment ptr) {
        return isPtr(ptr) ? (byte) ucp_h.UCS_INPROGRESS() : (byte) ptr.address();
    }

    /** UCX's text for a status ({@code ucs_status_string}). */
    public static String message(byte status) {
        UcxLibrary.load();
        return ucp_h.ucs_status_string(status).reinterpret(Long.MAX_VALUE).getString(0);
    }
}
