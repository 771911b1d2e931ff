package dev.whylock.jvm.rt;

/** Implemented by rewritten classes that hash by identity: their identity is drawn deterministically. */
public interface Identified {
    /** The deterministic identity hash code (the rewriter adds this method). */
    int $whylock$identity();
}
