package dev.whylock.engine.why;

import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.search.Progress;
import dev.whylock.engine.search.Ticker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The receiving end of {@link LockInquiry#withRemote}: a cluster member rebuilds the inquiry's
 * scenarios and settings as the coordinator built them (the same whylock and model give the same
 * programs), and runs the explorations it is sent, one per {@link #run} call, several at once.
 */
public final class InquiryMember {

    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final ScenarioRunner runner;

    /** The inquiry's scenarios, bound, run configuration and race counting, as the coordinator has them. */
    public InquiryMember(List<Scenario> scenarios, InquiryBound bound, RunConfig run, boolean countRaces, Ticker ticker) {
        for (Scenario s : scenarios) {
            this.scenarios.put(s.name(), s);
        }
        this.runner = new ScenarioRunner(bound, run, ticker, () -> Progress.NONE, () -> false, InquiryListener.NONE, countRaces);
    }

    /** Runs the exploration {@code request} describes and returns its answer; {@code over} stops it (its result is then dropped). */
    public byte[] run(byte[] request, BooleanSupplier over) {
        ExplorationWire.Request r = ExplorationWire.readRequest(request);
        Scenario s = scenarios.get(r.scenario());
        if (s == null) {
            throw new IllegalArgumentException("this member has no scenario " + r.scenario() + " in the inquiry");
        }
        ScenarioRun run = runner.explore(s, r.experiment(), r.baseline(), List.copyOf(r.observers()), over);
        return ExplorationWire.answer(run, r.observers());
    }
}
