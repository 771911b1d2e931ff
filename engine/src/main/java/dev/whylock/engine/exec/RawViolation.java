package dev.whylock.engine.exec;

import dev.whylock.engine.ViolationKind;

/** A violation as detected inside one execution: {@code steps} is how many logged operations lead to it. */
public record RawViolation(ViolationKind kind, String message, int task, int steps) {}
