package dev.whylock.report;

import dev.whylock.engine.analysis.CriticalSection;
import dev.whylock.engine.analysis.FieldLockset;
import dev.whylock.engine.result.Violation;
import dev.whylock.engine.why.Necessity;
import dev.whylock.engine.why.ReplacementOutcome;
import dev.whylock.engine.why.ScenarioRun;
import dev.whylock.engine.why.SiteVerdict;
import dev.whylock.engine.why.WhyReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The short why report, answer first: the verdict, then for each entry point the question is
 * about what the lock does there and what breaks without it, then one line per acquisition site
 * with its verdict, counterexample and replay command, and the verdict again on the last line.
 * Everything else is in the full report ({@link WhyTextRenderer}), the HTML and the JSON.
 */
public final class WhyAnswer {

    /** Names listed in one line before "+N more". */
    static final int NAMES = 6;
    /** Longest line before a message is cut with "..." (the full report and the JSON have it whole). */
    static final int WIDTH = 160;

    private WhyAnswer() {}

    public static void render(WhyRun run, Appendable out) throws IOException {
        WhyReport w = run.report();
        String headline = WhyText.headline(w);
        out.append(headline).append('\n');
        boolean java = "java".equals(run.model());
        out.append("  ").append(java ? "Java program " + String.join(", ", w.scenarios()) + run.timingNote() + ", "
                        : (run.model() == null ? "" : "model " + run.model() + run.timingNote() + ", ")
                        + WhyText.count(w.scenarios().size(), "scenario") + ", ")
                .append(WhyText.bound(w.bound()))
                .append("; ").append(String.valueOf(w.executions())).append(" executions in ")
                .append(String.format("%.1f s", w.elapsedMillis() / 1000.0))
                .append(w.interrupted() ? "; INTERRUPTED: unfinished verdicts are UNDECIDED" : "").append("\n\n");
        List<String> answer = answer(run);
        for (String line : answer) {
            out.append(cut("  " + line)).append('\n');
        }
        if (!answer.isEmpty()) {
            out.append('\n');
        }
        out.append("Verdict per acquisition site (remove ").append(w.lockClass())
                .append(" at one site, explore every scenario; replay shows the counterexample step by step)\n");
        int width = w.verdicts().stream().mapToInt(v -> site(v).length()).max().orElse(10);
        for (SiteVerdict v : w.verdicts()) {
            out.append(cut("  " + AnalysisText.pad(WhyText.necessity(v.necessity()), 11) + AnalysisText.pad(site(v), width + 2)
                    + briefly(v))).append('\n');
            String replay = v.counterexample() == null ? null : run.replayFile(v.experiment(), v.scenario(), v.counterexample());
            if (replay != null) {
                out.append("  ").append(" ".repeat(13 + width)).append("whylock replay ").append(replay).append('\n');
            }
        }
        if (!w.unreachedSites().isEmpty()) {
            out.append("  ").append(AnalysisText.pad("NEVER REACHED", 13 + width)).append(String.join(", ", w.unreachedSites()))
                    .append(" (the model takes ").append(w.lockClass()).append(" there, but no scenario runs it)\n");
        }
        out.append('\n');
        for (String line : context(w)) {
            out.append(cut(line)).append('\n');
        }
        out.append(java ? "More: the same command with --full (locksets, assertions, replacements, every counterexample); "
                + "--html FILE; --json FILE\n" : "More: whylock why " + w.lockClass() + " --full (locksets, assertions, replacements, "
                + "stress, every counterexample); --html FILE; --json FILE\n");
        out.append(headline).append('\n');
        GuardedByText.render(run.guardedBy(), false, out);
    }

    private static String site(SiteVerdict v) {
        return v.allSites() ? "(every site)" : v.site();
    }

    /** The answer to the model's question, one line per element; empty when the model asks none. */
    static List<String> answer(WhyRun run) {
        WhyReport w = run.report();
        List<String> out = new ArrayList<>();
        if (run.entryPoints().isEmpty()) {
            return out;
        }
        out.add("Why do " + String.join(" and ", run.entryPoints().stream().map(e -> e.function() + "()").toList()) + " need "
                + w.lockClass() + "?");
        Set<String> guarded = w.locksets().stream().map(FieldLockset::field).collect(Collectors.toSet());
        for (WhyRun.EntryPoint e : run.entryPoints()) {
            for (String site : e.sites()) {
                CriticalSection s = w.sectionAt(site);
                if (s == null) {
                    out.add(e.function() + "() takes it in " + site + "(), which no scenario reached");
                    continue;
                }
                out.add(e.function() + "() takes it in " + site + "(); holding it there:");
                List<String> published = s.writes().stream().filter(guarded::contains).toList();
                if (!published.isEmpty()) {
                    out.add("  it writes " + names(published) + " (all always accessed under " + w.lockClass() + ")");
                }
                if (!s.calls().isEmpty()) {
                    out.add("  it runs " + names(s.calls()));
                }
                if (!s.excludes().isEmpty()) {
                    out.add("  so it excludes " + names(s.excludes().stream().map(x -> withTasks(w, x)).toList(), 3)
                            + ", which take " + w.lockClass() + " and touch the same fields");
                }
                SiteVerdict v = w.verdictAt(site);
                if (v != null) {
                    out.add("  without it: " + WhyText.necessity(v.necessity()) + ", " + briefly(v));
                }
            }
        }
        return out;
    }

    /** The verdict's reason in a few words: the counterexample's kind, scenario and message, or the coverage. */
    static String briefly(SiteVerdict v) {
        return switch (v.necessity()) {
            case NECESSARY, RACY -> v.counterexample().kind().key() + " in " + v.scenario() + ": " + v.counterexample().message();
            case NOT_NEEDED_WITHIN_BOUND -> "no damage, no new race in " + WhyText.count(v.executions(), "execution")
                    + (v.exhaustive() ? " (exhaustive)" : " (not exhaustive)")
                    + (v.unreachedScenarios() == 0 ? "" : "; " + v.unreachedScenarios() + " of " + v.runs().size()
                            + " scenarios never reach it");
            case UNDECIDED -> "stopped after " + WhyText.count(v.executions(), "execution") + ", before a verdict";
        };
    }

    /** {@code site (task)}: the first task that takes the lock there, other than the setup's {@code main}. */
    private static String withTasks(WhyReport w, String site) {
        CriticalSection s = w.sectionAt(site);
        List<String> tasks = s == null ? List.of() : s.tasks().stream().filter(t -> !t.equals("main")).toList();
        return tasks.isEmpty() ? site : site + " (" + tasks.get(0) + (tasks.size() > 1 ? ", ..." : "") + ")";
    }

    /** What the code as written already does, and what the replacements did: one line each. */
    static List<String> context(WhyReport w) {
        List<String> out = new ArrayList<>();
        List<String> failing = w.baselines().stream().filter(ScenarioRun::fails)
                .map(r -> r.scenario() + " (" + WhyText.kinds(r.damage()) + ")").toList();
        if (!failing.isEmpty()) {
            out.add("As written, " + WhyText.count(failing.size(), "scenario") + (failing.size() == 1 ? " already fails: " : " already fail: ") + names(failing));
        }
        if (!w.baselineRaces().isEmpty()) {
            out.add("As written, " + WhyText.count(w.baselineRaces().size(), "data race") + " (not caused by any experiment; "
                    + "--full lists them)");
        }
        for (ReplacementOutcome r : w.replacements()) {
            StringBuilder b = new StringBuilder("Replacing ").append(w.lockClass()).append(" by ").append(r.experiment().replacement())
                    .append(" in ").append(r.experiment().sites().isEmpty() ? "every site" : names(r.experiment().sites().stream()
                            .sorted().toList())).append(": ").append(WhyText.replacement(r));
            if (!r.damage().isEmpty()) {
                Violation d = r.damage().get(0);
                b.append(", ").append(d.kind().key()).append(" in ").append(r.scenarioOf(d)).append(": ").append(d.message());
            } else if (!r.newRaces().isEmpty()) {
                b.append(", ").append(r.newRaces().get(0).violation().message());
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Up to {@link #NAMES} names, then "+N more". */
    static String names(List<String> all) {
        return names(all, NAMES);
    }

    static String names(List<String> all, int most) {
        if (all.size() <= most) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, most)) + " +" + (all.size() - most) + " more";
    }

    static String cut(String line) {
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 3) + "...";
    }

    /** Whether {@code n} says the lock is needed in some way (the colour of the HTML banner). */
    static boolean bad(Necessity n) {
        return n == Necessity.NECESSARY || n == Necessity.RACY;
    }
}
