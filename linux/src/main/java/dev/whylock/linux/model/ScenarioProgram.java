package dev.whylock.linux.model;

import dev.whylock.engine.Env;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.linux.kernel.Kernel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The engine program of a scenario: setup ops on main, then one task per scenario thread. */
final class ScenarioProgram implements Program {
    private final Scenario scenario;
    private final Kernel.Version version;

    ScenarioProgram(Scenario scenario, Kernel.Version version) {
        this.scenario = scenario;
        this.version = version;
    }

    @Override
    public String name() {
        return scenario.model() + "/" + scenario.name();
    }

    @Override
    public void setup(Env env) {
        Kernel k = Kernel.get();
        k.setVersion(version);
        k.setChecks(Invariants.selected(scenario));
        k.setRaceRunBudget(scenario.workRuns());
        World.get();
        Invariants.register(env, Invariants.selected(scenario));
        for (OpCall call : scenario.setup()) {
            Ops.execute(call);
        }
        k.startRace(new LinkedHashSet<>(scenario.background()));
    }

    @Override
    public void run(Env env) {
        List<Task> tasks = new ArrayList<>();
        for (Map.Entry<String, List<OpCall>> t : scenario.threads().entrySet()) {
            List<OpCall> ops = t.getValue();
            tasks.add(env.spawn(t.getKey(), () -> {
                for (OpCall call : ops) {
                    Ops.execute(call);
                }
            }));
        }
        for (Task t : tasks) {
            env.join(t);
        }
    }
}
