package org.jmpi.dsm;

/**
 * What the word views {@link LongAtomics} and {@link IntAtomics} share: the window's
 * atomics and single-word transfers, which take the width each view passes. Not public
 * API.
 */
abstract sealed class WordView permits IntAtomics, LongAtomics {
    final Atomics atomics;
    final Transfers transfers;

    WordView(Atomics atomics, Transfers transfers) {
        this.atomics = atomics;
        this.transfers = transfers;
    }
}
