package dev.whylock.report;

import static dev.whylock.report.HtmlPage.esc;

import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.LockCycle;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.Necessity;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.StressComparison;
import dev.whylock.engine.why.SuggestedAnnotation;
import dev.whylock.engine.why.WhyReport;
import java.io.IOException;
import java.util.List;

/** Renders a {@link WhyReport} as one self-contained HTML page, in the order of {@link WhyTextRenderer}. */
public final class WhyHtmlRenderer {

    private WhyHtmlRenderer() {}

    /** Renders a report without model name or replay files. */
    public static void render(WhyReport w, Appendable out) throws IOException {
        render(WhyRun.of(null, w), out);
    }

    public static void render(WhyRun run, Appendable out) throws IOException {
        WhyReport w = run.report();
        List<WhyVerdict.Finding> findings = WhyVerdict.findings(w);
        HtmlPage.open("whylock: why " + w.lockClass(), out);
        Necessity overall = w.verdict();
        String cls = WhyAnswer.bad(overall) ? "bad" : overall == Necessity.UNDECIDED ? "open" : "good";
        out.append("<div class=\"verdict ").append(cls).append("\"><h1>").append(esc(WhyText.headline(w))).append("</h1></div>\n");
        out.append("<p class=\"what\">").append(run.model() == null ? "" : "model <b>" + esc(run.model()) + "</b>"
                        + esc(run.timingNote()) + "; ")
                .append(esc(WhyText.count(w.scenarios().size(), "scenario"))).append("; bound: ")
                .append(esc(WhyText.bound(w.bound()))).append("; ").append(String.valueOf(w.executions()))
                .append(" executions in ").append(String.valueOf(w.elapsedMillis())).append(" ms")
                .append(w.interrupted() ? "; <b>interrupted</b>: unfinished verdicts are UNDECIDED" : "").append("</p>\n");
        List<String> answer = WhyAnswer.answer(run);
        if (!answer.isEmpty()) {
            out.append("<div class=\"answer\">\n<h2>").append(esc(answer.get(0))).append("</h2>\n<ul>\n");
            for (String line : answer.subList(1, answer.size())) {
                boolean sub = line.startsWith("  ");
                out.append(sub ? "<li class=\"sub\">" : "<li>").append(HtmlPage.names(line.strip())).append("</li>\n");
            }
            out.append("</ul>\n</div>\n");
        }

        out.append("<h2>1. Verdict per acquisition site</h2>\n<table>\n<tr><th>verdict</th><th>site</th><th>why</th></tr>\n");
        for (SiteVerdict v : w.verdicts()) {
            String key = WhyAnswer.bad(v.necessity()) ? "verdict-necessary" : "verdict-not-needed";
            int n = WhyVerdict.numberOf(findings, v.counterexample());
            out.append("<tr><td class=\"").append(key).append("\">").append(esc(WhyText.necessity(v.necessity())))
                    .append("</td><td class=\"mono\">").append(HtmlPage.names(WhyVerdict.where(v))).append("</td><td>")
                    .append(HtmlPage.names(WhyText.because(v)));
            if (n > 0) {
                out.append(" <a href=\"#cx").append(String.valueOf(n)).append("\">counterexample ").append(String.valueOf(n)).append("</a>");
            }
            if (!v.assumed().isEmpty()) {
                out.append("<br><span class=\"explain\">also: ").append(esc(WhyText.count(v.assumed().size(), "lock assertion")))
                        .append(" failed (code that assumed the lock)</span>");
            }
            out.append("</td></tr>\n");
        }
        if (!w.unreachedSites().isEmpty()) {
            out.append("<tr><td class=\"verdict-open\">NEVER REACHED</td><td class=\"mono\">")
                    .append(esc(String.join(", ", w.unreachedSites()))).append("</td><td>the program takes ").append(esc(w.lockClass()))
                    .append(" there, but no scenario runs it</td></tr>\n");
        }
        out.append("</table>\n<p class=\"explain\">exhaustive: ").append(esc(Glossary.EXHAUSTIVE)).append("</p>\n");

        out.append("<h3>Baseline: the code as written</h3>\n<table>\n<tr><th>scenario</th><th>executions</th><th>exhaustive</th>"
                + "<th>damage as written</th></tr>\n");
        for (ScenarioRun r : w.baselines()) {
            out.append("<tr><td class=\"mono\">").append(esc(r.scenario())).append("</td><td class=\"num\">")
                    .append(String.valueOf(r.executions())).append("</td><td>").append(esc(WhyText.exhaustive(r)))
                    .append("</td><td>").append(esc(r.damage().isEmpty() ? "none" : WhyText.kinds(r.damage())));
            if (!r.damage().isEmpty()) {
                int n = WhyVerdict.numberOf(findings, r.damage().get(0));
                out.append(" <a href=\"#cx").append(String.valueOf(n)).append("\">counterexample ").append(String.valueOf(n)).append("</a>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table>\n");
        for (LockCycle c : w.baselineCycles()) {
            AnalysisHtml.cycle(c, out);
        }
        if (!w.baselineRaces().isEmpty()) {
            out.append("<details><summary>").append(esc(WhyText.count(w.baselineRaces().size(), "data race")))
                    .append(" in the code as written (context: not caused by any experiment)</summary>\n");
            for (DataRace r : w.baselineRaces()) {
                AnalysisHtml.race(r, out);
            }
            out.append("</details>\n");
        }

        out.append("<h2>2. What ").append(esc(w.lockClass())).append(" protects</h2>\n<p class=\"explain\">")
                .append(esc(Glossary.LOCKSET)).append("</p>\n");
        if (w.locksets().isEmpty()) {
            out.append("<p>No shared field had ").append(esc(w.lockClass())).append(" held at every access.</p>\n");
        } else {
            AnalysisHtml.locksets(w.locksets(), w.lockClass(), out);
            out.append("<p>Fields ").append(esc(w.lockClass())).append(" alone protects: <span class=\"mono\">")
                    .append(esc(w.protectsAlone().isEmpty() ? "none" : String.join(", ", w.protectsAlone()))).append("</span></p>\n");
        }

        out.append("<h2>3. Assertions relying on ").append(esc(w.lockClass())).append("</h2>\n");
        if (w.assertions().isEmpty()) {
            out.append("<p>No lock assertion checks ").append(esc(w.lockClass())).append(".</p>\n");
        } else {
            AnalysisHtml.assertions(w.assertions(), out);
        }
        out.append("<ul class=\"parts\">");
        for (SiteVerdict v : w.verdicts()) {
            for (Violation a : v.assumed()) {
                out.append("<li>under <span class=\"mono\">").append(esc(v.experiment().toString())).append("</span>: ")
                        .append(esc(a.message())).append("</li>");
            }
        }
        out.append("</ul>\n");

        out.append("<h2>4. Could another lock replace it?</h2>\n");
        if (w.replacements().isEmpty()) {
            out.append("<p>No replacement experiment was asked for.</p>\n");
        }
        for (ReplacementOutcome r : w.replacements()) {
            boolean safe = r.verdict() == dev.whylock.engine.why.ReplacementVerdict.SAFE_WITHIN_BOUND;
            out.append("<h3 class=\"mono\">").append(esc(r.experiment().toString())).append(": <span class=\"")
                    .append(safe ? "verdict-not-needed" : "verdict-necessary").append("\">").append(esc(WhyText.replacement(r)))
                    .append("</span>")
                    .append("</h3>\n<p>").append(esc(WhyText.count(r.cycles().size(), "lock-order cycle") + ", "
                            + WhyText.count(r.newRaces().size(), "new data race") + ", " + WhyText.count(r.damage().size(), "kind")
                            + " of damage")).append("</p>\n");
            for (LockCycle c : r.cycles()) {
                AnalysisHtml.cycle(c, out);
            }
            for (DataRace race : r.newRaces()) {
                AnalysisHtml.race(race, out);
            }
            for (Violation d : r.damage()) {
                int n = WhyVerdict.numberOf(findings, d);
                out.append("<p>").append(esc(d.kind().key() + ": " + d.message())).append(" <a href=\"#cx").append(String.valueOf(n))
                        .append("\">counterexample ").append(String.valueOf(n)).append("</a></p>\n");
            }
        }

        out.append("<h2>5. Run it and see, versus exploration</h2>\n");
        if (w.stress().isEmpty()) {
            out.append("<p>No stress comparison was run.</p>\n");
        } else {
            out.append("<table>\n<tr><th>experiment</th><th>scenario</th><th>stress runs</th><th>failed</th>"
                    + "<th>first failure at run</th><th>DPOR execution that found it</th></tr>\n");
            for (StressComparison s : w.stress()) {
                out.append("<tr><td class=\"mono\">").append(esc(s.experiment().toString())).append("</td><td class=\"mono\">").append(esc(s.scenario()))
                        .append("</td><td class=\"num\">").append(String.valueOf(s.stress().runs())).append("</td><td class=\"num\">")
                        .append(String.valueOf(s.stress().failures())).append("</td><td class=\"num\">")
                        .append(s.stress().firstFailureRun() == 0 ? "never" : String.valueOf(s.stress().firstFailureRun()))
                        .append("</td><td class=\"num\">").append(String.valueOf(s.dporExecutionsToCounterexample())).append("</td></tr>\n");
            }
            out.append("</table>\n");
        }

        out.append("<h2>6. Minimal counterexamples</h2>\n<p class=\"explain\">").append(esc(Glossary.MINIMAL)).append("</p>\n");
        if (findings.isEmpty()) {
            out.append("<p>None: nothing broke.</p>\n");
        }
        for (WhyVerdict.Finding f : findings) {
            Violation v = f.violation();
            out.append("<h3 id=\"cx").append(String.valueOf(f.number())).append("\">Counterexample ").append(String.valueOf(f.number()))
                    .append(": <span class=\"mono\">").append(esc(f.title())).append("</span></h3>\n<p><b>").append(esc(v.kind().key()))
                    .append("</b>: <span class=\"mono\">").append(esc(v.message())).append("</span> (")
                    .append(esc(WhyText.count(v.trace().steps().size(), "step") + ", " + WhyText.count(v.trace().preemptions(), "preemption")))
                    .append(")</p>\n");
            Swimlanes.render(v, out);
            String replay = run.replayFile(f.experiment(), f.scenario(), v);
            if (replay != null) {
                out.append("<p>Replay: <code class=\"replay\">whylock replay ").append(esc(replay)).append("</code></p>\n");
            }
        }

        out.append("<h2>7. Suggested annotations</h2>\n");
        if (w.annotations().isEmpty()) {
            out.append("<p>None: no shared field is always accessed under ").append(esc(w.lockClass())).append(".</p>\n");
        } else {
            out.append("<p class=\"explain\">From the locksets, the same whichever lock is asked about.</p>\n<table>\n<tr><th>field</th><th>C</th><th>Java</th><th></th></tr>\n");
            for (SuggestedAnnotation a : w.annotations()) {
                out.append("<tr><td class=\"mono\">").append(esc(a.field())).append("</td><td class=\"mono\">").append(esc(a.kernel()))
                        .append("</td><td class=\"mono\">").append(esc(a.java())).append("</td><td class=\"explain\">")
                        .append(a.locks().size() == 1 ? "the only lock held at every access" : "all of them held at every access")
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        GuardedByHtml.render(run.guardedBy(), "8. @GuardedBy (Java)", out);
        HtmlPage.close(out);
    }

}
