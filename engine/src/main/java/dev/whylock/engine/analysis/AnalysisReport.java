package dev.whylock.engine.analysis;

/** All four analyses over the same explored executions. */
public record AnalysisReport(LocksetReport locksets, RaceReport races, LockOrderReport lockOrder, AssertionReport assertions) {}
