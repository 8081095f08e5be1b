package org.jmpi.bench.run;

/** A target's outcome in one run; see {@link Assessment} for how it is decided. */
public enum Verdict {
    /** The ratio meets the goal, and would by either side's second-best repetition too. */
    MET("met"),
    /** The ratio misses the goal, and would by either side's second-best repetition too. */
    NOT_MET("not met"),
    /** This run cannot tell: the sides may sit in different modes, a second-best repetition would change the verdict, or the ratio sits on the goal. */
    NOISY("noisy");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** The word summary.md writes. */
    public String text() {
        return text;
    }
}
