package dev.whylock.jvm;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void examples_dpor_print() {
        for (Class<?> c : List.of(dev.whylock.examples.LostUpdate.class, dev.whylock.examples.Counter.class,
                dev.whylock.examples.CheckThenAct.class, dev.whylock.examples.DeadlockMonitors.class,
                dev.whylock.examples.DeadlockLocks.class, dev.whylock.examples.MissedNotify.class,
                dev.whylock.examples.GuardedWait.class, dev.whylock.examples.ConditionHandoff.class,
                dev.whylock.examples.LatchPublish.class, dev.whylock.examples.ExecutorLostUpdate.class,
                dev.whylock.examples.Transfers.class)) {
            try {
                JavaResult r = Explore.dpor(c);
                System.out.println("== " + c.getSimpleName() + ": " + r.result().executions() + " executions, " + r.result().blocked()
                        + " blocked, exhaustive " + r.result().exhaustive() + ", not controlled " + r.notControlled());
                r.result().violations().forEach(v -> System.out.println("   " + v.key() + " (" + v.trace().steps().size() + " steps)"));
            } catch (Throwable t) {
                System.out.println("== " + c.getSimpleName() + " FAILED: " + t);
                t.printStackTrace(System.out);
            }
        }
    }
}
