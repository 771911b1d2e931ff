package dev.whylock.engine.analysis;

/** Eraser's per-location state: only accesses in the shared states refine the candidate lockset. */
public enum EraserState {
    /** Never accessed. */
    VIRGIN("virgin"),
    /** Accessed by one task only (initialisation): no lock is required yet. */
    EXCLUSIVE("exclusive"),
    /** Read by several tasks after initialisation, never written since. */
    SHARED("shared"),
    /** Written after a second task accessed it: an empty lockset here is a potential race. */
    SHARED_MODIFIED("shared-modified");

    private final String key;

    EraserState(String key) {
        this.key = key;
    }

    /** The stable name used in JSON and text reports. */
    public String key() {
        return key;
    }
}
