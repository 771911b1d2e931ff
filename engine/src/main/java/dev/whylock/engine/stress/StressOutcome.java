package dev.whylock.engine.stress;

import dev.whylock.engine.ViolationKind;

/** How one stress run ended: {@code kind} and {@code failure} are null when it passed. */
record StressOutcome(ViolationKind kind, String failure) {}
