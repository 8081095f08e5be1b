package org.jmpi.dsm;

/** How {@link Window#putWithSignal} updates the signal word at the target. */
public enum SignalOp {
    /** The signal word is set to the value. */
    SET,
    /** The value is added to the signal word. */
    ADD
}
