package dev.whylock.engine.why;

import dev.whylock.engine.Program;

/**
 * A named program the inquiry explores; the caller decides what scenarios exist.
 *
 * @param name     the scenario name used in the report
 * @param program  the program to explore
 */
public record Scenario(String name, Program program) {}
