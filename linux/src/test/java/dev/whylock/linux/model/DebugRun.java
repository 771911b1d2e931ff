package dev.whylock.linux.model;

import dev.whylock.engine.exec.Chooser;
import dev.whylock.engine.exec.Execution;
import dev.whylock.engine.exec.ExecutionOutcome;
import dev.whylock.engine.exec.Op;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.exec.SchedulingPoint;
import org.junit.jupiter.api.Test;

/** Prints the operation log of one execution of a scenario (development aid; asserts nothing). */
class DebugRun {
    @Test
    void run() {
        String name = System.getProperty("scn");
        if (name == null) {
            return;
        }
        Scenario s = ScenarioLoader.builtin(name);
        String grep = System.getProperty("grep", "");
        Chooser lowest = new Chooser() {
            @Override
            public int pickTask(SchedulingPoint p) {
                return Boolean.getBoolean("highest") ? p.enabled().length() - 1 : p.enabled().nextSetBit(0);
            }

            @Override
            public int pickValue(int step, int n) {
                return 0;
            }

            @Override
            public void executed(Op op, boolean fixed) {}

            @Override
            public void taskCreated(int task, int parent) {}
        };
        ExecutionOutcome o = new Execution(Models.get(s.model()).program(s), RunConfig.defaults(), lowest).run();
        for (Op op : o.log()) {
            String line = op.step() + " " + o.taskNames().get(op.task()) + " " + op.kind().label() + " " + op.target() + " @" + op.site()
                    + (op.note() == null ? "" : " (" + op.note() + ")");
            if (line.contains(grep)) {
                System.out.println(line);
            }
        }
        System.out.println(o.status() + " " + o.violations());
    }
}
