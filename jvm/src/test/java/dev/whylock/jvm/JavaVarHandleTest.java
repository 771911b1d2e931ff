package dev.whylock.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whylock.engine.ViolationKind;
import dev.whylock.engine.analysis.DataRace;
import dev.whylock.engine.analysis.RaceDetector;
import dev.whylock.engine.exec.RunConfig;
import dev.whylock.engine.result.ExplorationResult;
import dev.whylock.engine.search.Explorer;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.StrategySpec;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jvmtest.FieldUpdaters;
import jvmtest.VarHandles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * VarHandle access modes and field updaters on the program's own fields act on the same engine
 * field as its plain accesses: each bug in {@link VarHandles} and {@link FieldUpdaters} is found
 * and replays, each correct version is clean and exhaustive, DPOR shows the behaviours of plain
 * enumeration, and the data races (plain modes race, ordered modes do not race with each other,
 * a CAS races with a plain read) are the same under both. DPOR executions pinned as data.
 */
class JavaVarHandleTest {

    static Stream<Arguments> pinned() {
        return Stream.of(
                Arguments.of(VarHandles.class, "plainLostUpdate", 4, List.of(ViolationKind.EXCEPTION), Set.of("VarHandles.count")),
                Arguments.of(VarHandles.class, "casLoop", 4, List.of(), Set.of()),
                Arguments.of(VarHandles.class, "casAndPlainRead", 2, List.of(), Set.of("VarHandles.count")),
                Arguments.of(VarHandles.class, "releaseAcquire", 2, List.of(), Set.of()),
                Arguments.of(VarHandles.class, "staticAndArray", 8, List.of(), Set.of()),
                Arguments.of(VarHandles.class, "arrayLostUpdate", 4, List.of(ViolationKind.EXCEPTION), Set.of("int[0]")),
                Arguments.of(FieldUpdaters.class, "checkThenAct", 4, List.of(ViolationKind.EXCEPTION), Set.of()),
                Arguments.of(FieldUpdaters.class, "claimByCas", 2, List.of(), Set.of()),
                Arguments.of(FieldUpdaters.class, "lostUpdate", 4, List.of(ViolationKind.EXCEPTION), Set.of()),
                Arguments.of(FieldUpdaters.class, "atomicAdds", 4, List.of(), Set.of()));
    }

    @ParameterizedTest
    @MethodSource("pinned")
    void handleProgram_isFoundOrClean_replays_andMatchesBruteForce(Class<?> c, String method, long executions, List<ViolationKind> kinds,
            Set<String> racyFields) {
        PrimitiveChecks.check(c, method, RunConfig.defaults(), executions, kinds);
        List<DataRace> dpor = races(c, method, StrategySpec.dpor());
        List<DataRace> brute = races(c, method, StrategySpec.dfs(-1));
        assertEquals(racyFields, fields(dpor), method + ": " + dpor);
        assertEquals(keys(brute), keys(dpor), method + ": the races of brute force and DPOR");
    }

    @Test
    void aCasAndAPlainRead_ofOneField_race_namingBothSites() {
        List<DataRace> rs = races(VarHandles.class, "casAndPlainRead", StrategySpec.dpor());
        assertEquals(1, rs.size(), rs.toString());
        DataRace r = rs.get(0);
        Set<String> sites = Set.of(r.first().site(), r.second().site());
        assertTrue(sites.stream().anyMatch(s -> s.startsWith("VarHandles.lambda$casAndPlainRead")), sites.toString());
        assertTrue(sites.stream().anyMatch(s -> s.startsWith("VarHandles.casAndPlainRead")), sites.toString());
    }

    @Test
    void aByteArrayView_isRefusedByName_andTheResultIsNotExhaustive() {
        JavaResult r = Explore.run(VarHandles.class, "byteView", StrategySpec.dpor(), RunConfig.defaults(), false);
        assertFalse(r.result().exhaustive());
        assertEquals(1, r.notControlled().size(), r.notControlled().toString());
        assertTrue(r.notControlled().get(0).startsWith("VarHandle[varType=int, coord=[class [B, int]] (a view")
                && r.notControlled().get(0).contains(": getAndAdd at VarHandles.lambda$byteView"), r.notControlled().toString());
        assertEquals(List.of(), r.result().violations());
    }

    @Test
    void aVarHandleOnAJdkClassesField_isRefusedByName_andTheResultIsNotExhaustive() {
        JavaResult r = Explore.run(VarHandles.class, "jdkField", StrategySpec.dpor(), RunConfig.defaults(), false);
        assertFalse(r.result().exhaustive());
        assertEquals(List.of(), r.result().violations());
        assertEquals(1, r.notControlled().size(), r.notControlled().toString());
        assertTrue(r.notControlled().get(0).startsWith("VarHandle on java.awt.Point.x (a field of a class whylock does not rewrite): "
                + "getAndAdd at VarHandles.lambda$jdkField"), r.notControlled().toString());
    }

    static List<DataRace> races(Class<?> c, String method, StrategySpec spec) {
        RaceDetector d = new RaceDetector();
        try (JavaProgram p = PrimitiveChecks.program(c, method, 0)) {
            ExplorationResult e = Explorer.explore(p, SearchConfig.of(spec).withMinimize(false).withMaxExecutions(100_000)
                    .withObservers(List.of(d)));
            assertTrue(e.exhaustive(), method);
        }
        return d.result().races();
    }

    private static Set<String> fields(List<DataRace> rs) {
        Set<String> out = new TreeSet<>();
        rs.forEach(r -> out.add(r.field()));
        return out;
    }

    private static Set<String> keys(List<DataRace> rs) {
        Set<String> out = new TreeSet<>();
        rs.forEach(r -> out.add(r.key()));
        return out;
    }
}
