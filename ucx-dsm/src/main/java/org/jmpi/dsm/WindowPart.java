package org.jmpi.dsm;

/**
 * What the two halves of a {@link Window}'s data access, {@link Transfers} and
 * {@link Atomics}, work on: the window (its sections), its context and the keys of every
 * rank's part. Not public API.
 */
abstract sealed class WindowPart permits Atomics, Transfers {
    final Window window;
    final DsmContext ctx;
    final WindowKeys keys;

    WindowPart(Window window) {
        this.window = window;
        this.ctx = window.ctx;
        this.keys = window.keys;
    }
}
