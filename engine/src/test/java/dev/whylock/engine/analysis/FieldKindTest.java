package dev.whylock.engine.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.Field;
import dev.whylock.engine.Program;
import dev.whylock.engine.Task;
import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Atomic and hardware fields: racy by design, so the analyses leave them out; atomic updates never lose one. */
class FieldKindTest {

    static Program twoBitops(boolean atomicUpdate) {
        return AnalysisTest.program("bitops", env -> {
            Field<Integer> word = env.field("pl->phylink_disable_state", 0).atomic();
            Field<Integer> los = env.field("sfp0:los", 0).hardware();
            Task a = env.spawn("A", () -> {
                los.get("sfp_gpio_get_state");
                if (atomicUpdate) {
                    word.update(v -> v | 1, "set_bit");
                } else {
                    word.set(word.get("set_bit") | 1, "set_bit");
                }
            });
            Task b = env.spawn("B", () -> {
                los.set(1, "los_set");
                if (atomicUpdate) {
                    word.update(v -> v | 2, "set_bit");
                } else {
                    word.set(word.get("set_bit") | 2, "set_bit");
                }
            });
            env.join(a);
            env.join(b);
            env.bugOn(word.get("check") != 3, "a bit was lost: " + word.peek());
        });
    }

    @Test
    void atomicAndHardwareFields_areNeitherRacesNorLocksetRows() {
        AnalysisReport r = AnalysisTest.analyse(twoBitops(true));
        assertTrue(r.races().races().isEmpty(), r.races().races().toString());
        assertTrue(r.locksets().fields().stream().noneMatch(f -> f.field().equals("sfp0:los") || f.field().equals("pl->phylink_disable_state")));
    }

    @Test
    void atomicUpdate_neverLosesABit_butReadThenWriteDoes() {
        SearchConfig cfg = SearchConfig.of(StrategySpec.dpor()).withMinimize(false);
        ExplorationResult atomic = Explorer.explore(twoBitops(true), cfg);
        assertTrue(atomic.exhaustive());
        assertEquals(0, atomic.violations().size());
        ExplorationResult racy = Explorer.explore(twoBitops(false), cfg.withStopOn(Set.of()));
        assertEquals(ViolationKind.BUG, racy.violations().get(0).kind());
    }

    /** Message passing through a flag: data written, then the flag set; the reader reads the data only after seeing it. */
    static Program publication(boolean orderedFlag) {
        return AnalysisTest.program("publication", env -> {
            Field<Integer> data = env.field("Box.data", 0);
            Field<Boolean> ready = env.field("Box.ready", false);
            if (orderedFlag) {
                ready.ordered();
            }
            env.spawn("writer", () -> {
                data.set(42, "Box.publish:10");
                ready.set(true, "Box.publish:11");
            });
            env.spawn("reader", () -> {
                if (ready.get("Box.consume:20")) {
                    data.get("Box.consume:21");
                }
            });
        });
    }

    @Test
    void volatileFlag_ordersThePublishedData_soNoRace() {
        AnalysisReport r = AnalysisTest.analyse(publication(true));
        assertTrue(r.races().races().isEmpty(), r.races().races().toString());
        assertTrue(r.locksets().fields().stream().noneMatch(f -> f.field().equals("Box.ready")));
    }

    @Test
    void plainFlag_leavesBothTheFlagAndTheDataRacy() {
        AnalysisReport r = AnalysisTest.analyse(publication(false));
        assertEquals(Set.of("Box.data", "Box.ready"),
                r.races().races().stream().map(dev.whylock.engine.analysis.DataRace::field).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * The same publication through a plain field whose flag accesses are ordered one by one (a Java
     * VarHandle's setRelease / getAcquire): {@code readerOrdered} false reads the flag plainly.
     */
    static Program orderedAccesses(boolean readerOrdered) {
        return AnalysisTest.program("ordered-accesses", env -> {
            Field<Integer> data = env.field("Box.data", 0);
            Field<Boolean> ready = env.field("Box.ready", false);
            env.spawn("writer", () -> {
                data.set(42, "Box.publish:10");
                ready.updateOrdered(v -> true, "Box.publish:11");
            });
            env.spawn("reader", () -> {
                boolean seen = readerOrdered ? ready.getOrdered("Box.consume:20") : ready.get("Box.consume:20");
                if (seen) {
                    data.get("Box.consume:21");
                }
            });
        });
    }

    @Test
    void orderedAccessesOfAPlainField_orderAsVolatileOnes_soNoRace() {
        AnalysisReport r = AnalysisTest.analyse(orderedAccesses(true));
        assertTrue(r.races().races().isEmpty(), r.races().races().toString());
        assertTrue(r.locksets().fields().stream().noneMatch(f -> f.field().equals("Box.ready")), r.locksets().fields().toString());
    }

    @Test
    void aPlainReadOfAFieldWrittenInOrderedMode_racesWithIt_andOrdersNothing() {
        AnalysisReport r = AnalysisTest.analyse(orderedAccesses(false));
        assertEquals(Set.of("Box.data", "Box.ready"),
                r.races().races().stream().map(dev.whylock.engine.analysis.DataRace::field).collect(java.util.stream.Collectors.toSet()));
    }
}
