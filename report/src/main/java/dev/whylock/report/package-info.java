/**
 * Renderers from saved results to text, JSON and self-contained HTML.
 *
 * <p>Two results: {@link dev.whylock.report.RunReport} (one exploration, with its replay files and
 * optional analyses) and {@link dev.whylock.report.WhyRun} (a why inquiry). Each is written as JSON
 * first ({@link dev.whylock.report.RunJson}, {@link dev.whylock.report.WhyJson}); text and HTML are
 * rendered from the same records, and {@link dev.whylock.report.SavedResult#read} reads either back,
 * so a saved result renders exactly as the live one did. Renderers write to an {@link Appendable}
 * and never touch files or the terminal.
 */
/*
 * Layout: RunJson/WhyJson own the top-level keys; TraceJson and AnalysisJson hold the shapes both
 * share. Text goes through ColumnTrace (per-task columns) and AnalysisText (lockdep, KCSAN, lockset
 * tables); HTML through HtmlPage, Swimlanes and AnalysisHtml. A Java program's @GuardedBy check
 * (GuardedByCheck, in either result) has its own GuardedByText and GuardedByHtml. Glossary explains
 * engine terms in one line each, for readers who never heard of whylock.
 */
package dev.whylock.report;
