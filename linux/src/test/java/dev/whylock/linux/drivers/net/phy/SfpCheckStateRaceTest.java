package dev.whylock.linux.drivers.net.phy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Env;
import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import dev.whylock.linux.hw.SfpCage;
import dev.whylock.linux.hw.SfpModuleType;
import dev.whylock.linux.kernel.Kernel;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * sfp_check_state() racing the state machine and itself, explored with DPOR: what st_mutex
 * protects in each model, and the v5.14 lost update that the 2023 lock reordering removed.
 */
class SfpCheckStateRaceTest {

    /** A cage with a started upstream and a module; the race runs {@code threads} with sfp_irq in the background. */
    private static Program program(Kernel.Version v, boolean started, List<Consumer<SfpWorld>> threads) {
        SfpWorld w = new SfpWorld(v);
        return new Program() {
            @Override
            public String name() {
                return "sfp-check-state-race";
            }

            @Override
            public void setup(Env e) {
                w.env = e;
                Kernel.get().setVersion(v);
                w.cage = new SfpCage("sfp0");
                w.probe();
                w.addUpstream();
                if (started) {
                    w.start();
                }
                w.cage.modulePlug(SfpModuleType.SFP_1000BASE_X);
                e.settle();
                e.invariant("sfp-tx-disable-line", () -> Sfp.txDisableMismatch(w.sfp()));
                e.invariant("sfp-state-inputs", () -> Sfp.inputStateMismatch(w.sfp()));
            }

            @Override
            public void run(Env e) {
                Kernel.get().startRace(Set.of("sfp_irq"));
                Task[] tasks = new Task[threads.size()];
                for (int i = 0; i < tasks.length; i++) {
                    Consumer<SfpWorld> t = threads.get(i);
                    tasks[i] = e.spawn("t" + i, () -> t.accept(w));
                }
                for (Task t : tasks) {
                    e.join(t);
                }
            }
        };
    }

    private static ExplorationResult explore(Program p, LockExperiment... experiments) {
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMaxExecutions(50_000)
                .withRun(RunConfig.defaults().withExperiments(List.of(experiments)));
        return Explorer.explore(p, cfg);
    }

    private static String summary(ExplorationResult r) {
        return r.verdict() + " after " + r.executions() + " executions: "
                + r.violations().stream().map(x -> x.kind() + " " + x.message()).toList();
    }

    @Test
    void ndoOpenVsLosIrq_v514_txDisableLostUpdateFound() {
        ExplorationResult r = explore(program(Kernel.Version.V5_14, false,
                List.of(SfpWorld::start, w -> w.cage.losSet())));
        assertEquals("violation", r.verdict(), () -> summary(r));
        assertTrue(r.violations().stream().anyMatch(x -> x.kind() == ViolationKind.INVARIANT
                && x.message().contains("sfp-tx-disable-line") && x.message().contains("line is 0")), () -> summary(r));
    }

    @Test
    void ndoOpenVsLosIrq_v65_noViolationExhaustive() {
        ExplorationResult r = explore(program(Kernel.Version.V6_5, false,
                List.of(SfpWorld::start, w -> w.cage.losSet())));
        assertEquals("no-violation", r.verdict(), () -> summary(r));
        assertTrue(r.exhaustive(), () -> summary(r));
    }

    @Test
    void twoSignalIrqs_v514_noViolationExhaustive() {
        ExplorationResult r = explore(program(Kernel.Version.V5_14, true,
                List.of(w -> w.cage.losSet(), w -> w.cage.txFaultSet())));
        assertEquals("no-violation", r.verdict(), () -> summary(r));
        assertTrue(r.exhaustive(), () -> summary(r));
    }

    @Test
    void twoSignalIrqs_v514WithoutStMutex_staleStateFound() {
        ExplorationResult r = explore(program(Kernel.Version.V5_14, true,
                List.of(w -> w.cage.losSet(), w -> w.cage.txFaultSet())),
                LockExperiment.remove("sfp->st_mutex", "sfp_check_state"));
        assertEquals("violation", r.verdict(), () -> summary(r));
    }
}
