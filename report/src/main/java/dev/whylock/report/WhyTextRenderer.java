package dev.whylock.report;

import dev.whylock.engine.analysis.AssertionSite;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.FieldLockset;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link WhyReport} as text, answering in order: the verdict per acquisition site, what
 * the lock protects, which assertions rely on it, whether another lock could replace it, "run it
 * and see" next to exploration, a minimal counterexample per finding, and suggested annotations.
 * Every sentence is built from the report's data.
 */
public final class WhyTextRenderer {

    private WhyTextRenderer() {}

    /** Renders a report without model name or replay files. */
    public static void render(WhyReport w, Appendable out) throws IOException {
        render(WhyRun.of(null, w), out);
    }

    public static void render(WhyRun run, Appendable out) throws IOException {
        WhyReport w = run.report();
        List<WhyVerdict.Finding> findings = WhyVerdict.findings(w);
        out.append(headline(w)).append('\n');
        out.append("  ").append(run.model() == null ? "" : "model " + run.model() + run.timingNote() + "; ")
                .append("scenarios: ").append(String.join(", ", w.scenarios())).append("; bound: ")
                .append(WhyText.bound(w.bound())).append("; ").append(String.valueOf(w.executions()))
                .append(" executions in ").append(String.valueOf(w.elapsedMillis())).append(" ms")
                .append(w.interrupted() ? "; INTERRUPTED before the inquiry finished: unfinished verdicts are UNDECIDED" : "")
                .append("\n\n");
        List<String> answer = WhyAnswer.answer(run);
        for (String line : answer) {
            out.append("  ").append(line).append('\n');
        }
        if (!answer.isEmpty()) {
            out.append('\n');
        }
        verdicts(w, findings, out);
        baselines(w, findings, out);
        protects(w, out);
        assertions(w, out);
        replacements(w, findings, out);
        stress(w, out);
        counterexamples(run, findings, out);
        annotations(w, out);
        GuardedByText.render(run.guardedBy(), true, out);
    }

    /** {@code rtnl_mutex is NECESSARY: removing it breaks N of M acquisition sites}, or the opposite. */
    public static String headline(WhyReport w) {
        return WhyText.headline(w);
    }

    private static void verdicts(WhyReport w, List<WhyVerdict.Finding> findings, Appendable out) throws IOException {
        WhyText.section("1. Verdict per acquisition site", "remove the lock at one site, explore every scenario, look for damage", out);
        int width = w.verdicts().stream().mapToInt(v -> WhyVerdict.where(v).length()).max().orElse(10);
        for (SiteVerdict v : w.verdicts()) {
            int n = WhyVerdict.numberOf(findings, v.counterexample());
            out.append("  ").append(AnalysisText.pad(WhyText.necessity(v.necessity()), 11)).append(AnalysisText.pad(WhyVerdict.where(v), width + 2))
                    .append(WhyText.because(v)).append(n == 0 ? "" : " (counterexample " + n + ")").append('\n');
            if (!v.assumed().isEmpty()) {
                out.append("  ").append(" ".repeat(13 + width)).append("also: ").append(String.valueOf(v.assumed().size()))
                        .append(v.assumed().size() == 1 ? " lock assertion fails" : " lock assertions fail")
                        .append(" (code that assumed the lock; see 3)\n");
            }
        }
        if (w.siteVerdicts().isEmpty()) {
            out.append("  (no acquisition site of ").append(w.lockClass()).append(" ran in any scenario)\n");
        }
        if (!w.unreachedSites().isEmpty()) {
            out.append("  NEVER REACHED ").append(String.join(", ", w.unreachedSites())).append(": the program takes ")
                    .append(w.lockClass()).append(" there, but no scenario runs it\n");
        }
        out.append("  NECESSARY: some scenario reaches damage (").append("use-after-free, deadlock, invariant, ...) without it\n");
        out.append("  RACY: no damage, but data races the code as written does not have\n");
        out.append("  NOT NEEDED: no damage and no new race within the bound; exhaustive: ").append(Glossary.EXHAUSTIVE).append('\n');
        out.append("  UNDECIDED: interrupted or time-limited before anything was found\n\n");
    }

    private static void baselines(WhyReport w, List<WhyVerdict.Finding> findings, Appendable out) throws IOException {
        WhyText.section("Baseline: the code as written", "what each scenario does before any experiment", out);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "executions", "exhaustive", "damage as written"});
        for (ScenarioRun r : w.baselines()) {
            rows.add(new String[] {r.scenario(), String.valueOf(r.executions()), WhyText.exhaustive(r),
                r.damage().isEmpty() ? "none" : WhyText.kinds(r.damage()) + " (counterexample "
                        + WhyVerdict.numberOf(findings, r.damage().get(0)) + ")"});
        }
        AnalysisText.table(rows, "  ", out);
        if (!w.baselineCycles().isEmpty() || !w.baselineRaces().isEmpty()) {
            out.append("  as written: ").append(WhyText.count(w.baselineCycles().size(), "lock-order cycle")).append(" through ")
                    .append(w.lockClass()).append(", ").append(WhyText.count(w.baselineRaces().size(), "data race"))
                    .append(" (context: not caused by any experiment)\n");
            for (LockCycle c : w.baselineCycles()) {
                AnalysisText.cycle(c, "    ", out);
            }
            for (DataRace r : w.baselineRaces()) {
                AnalysisText.race(r, "    ", out);
            }
        }
        out.append('\n');
    }

    private static void protects(WhyReport w, Appendable out) throws IOException {
        WhyText.section("2. What " + w.lockClass() + " protects", Glossary.LOCKSET, out);
        if (w.locksets().isEmpty()) {
            out.append("  no shared field had ").append(w.lockClass()).append(" held at every access\n\n");
            return;
        }
        AnalysisText.locksets(w.locksets(), "  ", out);
        out.append('\n');
        out.append("  Fields ").append(w.lockClass()).append(" alone protects (the only lock held at every shared access):");
        out.append(w.protectsAlone().isEmpty() ? " none\n" : "\n");
        for (String f : w.protectsAlone()) {
            out.append("    ").append(f).append('\n');
            for (FieldLockset row : w.locksets()) {
                if (row.field().equals(f)) {
                    AnalysisText.sites(row, "      ", out);
                }
            }
        }
        out.append('\n');
    }

    private static void assertions(WhyReport w, Appendable out) throws IOException {
        WhyText.section("3. Assertions relying on " + w.lockClass(), "lock assertions state an assumption; failing one is not damage by itself", out);
        if (w.assertions().isEmpty()) {
            out.append("  no lock assertion checks ").append(w.lockClass()).append('\n');
        } else {
            AnalysisText.assertions(w.assertions(), "  ", out);
        }
        for (SiteVerdict v : w.verdicts()) {
            for (Violation a : v.assumed()) {
                out.append("  under ").append(v.experiment().toString()).append(": ").append(a.message()).append('\n');
            }
        }
        out.append('\n');
    }

    private static void replacements(WhyReport w, List<WhyVerdict.Finding> findings, Appendable out) throws IOException {
        WhyText.section("4. Could another lock replace it?", "replace the acquisitions by another lock and explore again", out);
        if (w.replacements().isEmpty()) {
            out.append("  no replacement experiment was asked for (whylock why LOCK --replace ...)\n\n");
            return;
        }
        for (ReplacementOutcome r : w.replacements()) {
            out.append("  ").append(r.experiment().toString()).append(": ").append(WhyText.replacement(r)).append('\n');
            out.append("    ").append(WhyText.count(r.cycles().size(), "lock-order cycle")).append(", ")
                    .append(WhyText.count(r.newRaces().size(), "new data race")).append(", ")
                    .append(WhyText.count(r.damage().size(), "kind")).append(" of damage\n\n");
            for (LockCycle c : r.cycles()) {
                AnalysisText.cycle(c, "    ", out);
                out.append('\n');
            }
            for (DataRace race : r.newRaces()) {
                AnalysisText.race(race, "    ", out);
                out.append('\n');
            }
            for (Violation d : r.damage()) {
                out.append("    ").append(d.kind().key()).append(": ").append(d.message()).append("  (counterexample ")
                        .append(String.valueOf(WhyVerdict.numberOf(findings, d))).append(")\n");
            }
        }
        out.append('\n');
    }

    private static void stress(WhyReport w, Appendable out) throws IOException {
        WhyText.section("5. Run it and see, versus exploration", "real threads without control, as a stress test runs them", out);
        if (w.stress().isEmpty()) {
            out.append("  no stress comparison was run\n\n");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"experiment", "scenario", "stress runs", "failed", "first failure at run", "DPOR execution that found it"});
        for (StressComparison s : w.stress()) {
            rows.add(new String[] {s.experiment().toString(), s.scenario(), String.valueOf(s.stress().runs()), String.valueOf(s.stress().failures()),
                s.stress().runs() == 0 && s.stress().firstFailure() != null ? "not applicable (below)"
                        : s.stress().firstFailureRun() == 0 ? "never" : String.valueOf(s.stress().firstFailureRun()),
                String.valueOf(s.dporExecutionsToCounterexample())});
        }
        AnalysisText.table(rows, "  ", out);
        for (StressComparison s : w.stress()) {
            if (s.stress().runs() == 0 && s.stress().firstFailure() != null) {
                out.append("  ").append(s.experiment().toString()).append(": ").append(s.stress().firstFailure()).append('\n');
            }
        }
        out.append('\n');
    }

    private static void counterexamples(WhyRun run, List<WhyVerdict.Finding> findings, Appendable out) throws IOException {
        WhyText.section("6. Minimal counterexamples", Glossary.MINIMAL, out);
        if (findings.isEmpty()) {
            out.append("  none: nothing broke\n\n");
            return;
        }
        for (WhyVerdict.Finding f : findings) {
            Violation v = f.violation();
            out.append("  Counterexample ").append(String.valueOf(f.number())).append(": ").append(f.title()).append('\n');
            out.append("  ").append(v.kind().key()).append(": ").append(v.message()).append('\n');
            out.append("  ").append(String.valueOf(v.trace().steps().size())).append(" steps, ")
                    .append(String.valueOf(v.trace().preemptions())).append(v.trace().preemptions() == 1 ? " preemption\n\n" : " preemptions\n\n");
            ColumnTrace.print(v, "  ", out);
            String replay = run.replayFile(f.experiment(), f.scenario(), v);
            if (replay != null) {
                out.append("  replay: whylock replay ").append(replay).append('\n');
            }
            out.append('\n');
        }
    }

    private static void annotations(WhyReport w, Appendable out) throws IOException {
        WhyText.section("7. Suggested annotations", "from the locksets, the same whichever lock is asked about; checkable by "
                + "clang context analysis (C) or Error Prone (Java)", out);
        if (w.annotations().isEmpty()) {
            out.append("  none: no shared field is always accessed under ").append(w.lockClass()).append('\n');
            return;
        }
        int width = w.annotations().stream().mapToInt(a -> a.field().length()).max().orElse(5);
        for (SuggestedAnnotation a : w.annotations()) {
            out.append("  ").append(AnalysisText.pad(a.field(), width + 2)).append(AnalysisText.pad(a.kernel(), a.kernel().length() + 2))
                    .append(a.java()).append(a.locks().size() > 1 ? "  (all of them held at every access)" : "").append('\n');
        }
    }
}
