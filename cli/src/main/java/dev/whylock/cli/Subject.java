package dev.whylock.cli;

import dev.whylock.engine.Program;
import java.util.Map;
import java.util.Set;

/** What a command runs: a scenario of a kernel model, or a compiled Java program. */
sealed interface Subject permits LoadedScenario, JavaSubject {

    /** The model's name, {@code java} for a Java program. */
    String modelName();

    /** The scenario's name, or the Java program's ({@code pkg.Class} or {@code pkg.Class#method}). */
    String scenarioName();

    /** A program to explore (a fresh one for a Java program: it records what it could not control). */
    Program program();

    /** Lock classes the lock-order analysis leaves out. */
    Set<String> unvalidatedLockClasses();

    /** Whether {@code lock} is a lock the program does not have (an experiment's new one). */
    boolean isNewLock(String lock);

    /** What a replay file's header needs to rebuild the program. */
    void describe(Map<String, String> header);
}
