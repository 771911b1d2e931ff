package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.Analyses;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.result.Step;
import dev.whylock.engine.result.StopReason;
import dev.whylock.engine.result.Trace;
import dev.whylock.engine.result.Violation;
import dev.whylock.report.RunReport;
import dev.whylock.report.SavedResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads and initialises the result writers (JSON, text, HTML) on a background thread while a search
 * runs, so that writing the result after a time limit or Ctrl-C takes well under a second instead of
 * the second or two a cold JVM needs to set up Jackson and the renderers.
 */
final class Prewarmer {
    private Prewarmer() {}

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Starts the warm-up once per process; it writes nothing and touches no shared state of the search. */
    static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(Prewarmer::warm, "whylock-prewarm");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static void warm() {
        try {
            Trace trace = new Trace(List.of(new Step(0, "a", "lock", "rtnl_mutex", "warm_up", null, null, false),
                    new Step(1, "b", "read", "bus->sfp", "warm_up", "NULL", null, true)), 1, List.of("a", "b"));
            Violation v = new Violation(ViolationKind.NULL_DEREFERENCE, "warm-up", "b", trace, List.of(0, 1), 1);
            ExplorationResult r = new ExplorationResult("warm-up", "dpor", 0, false, 1, 0, 2, false, 0, StopReason.TIME_LIMIT,
                    List.of(LockExperiment.remove("rtnl_mutex", "warm_up")), List.of(v));
            RunReport report = RunReport.of("warm-up", "warm-up", "untimed", r).withAnalysis(new Analyses(Set.of()).report())
                    .withReplayFile(0, "warm-up.replay");
            SavedResult back = SavedResult.read(report.json());
            back.renderText(new StringBuilder(), true);
            back.renderHtml(new StringBuilder());
        } catch (Exception | LinkageError e) {
            // Only a warm-up: the real write reports any problem itself.
        }
    }
}
