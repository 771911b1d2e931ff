package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {

    private static final String GOOD = """
            model: sfp-v5.14
            name: race
            setup:
              - sfp_probe
              - mac_probe
              - module_plug: {type: dac-passive}
              - settle
            threads:
              ethtool: [ethtool_get_module_eeprom]
              unbind:  [sfp_remove]
            background: [sfp_timeout, sfp_irq]
            check: all
            """;

    @Test
    void parse_validScenario_keepsOpsArgsThreadsAndPositions() {
        Scenario s = ScenarioLoader.parse(GOOD, "race.yaml");
        assertEquals("sfp-v5.14", s.model());
        assertEquals("race", s.name());
        assertEquals(List.of("sfp_probe", "mac_probe", "module_plug", "settle"), s.setup().stream().map(OpCall::op).toList());
        assertEquals(Map.of("type", "dac-passive"), s.setup().get(2).args());
        assertEquals(6, s.setup().get(2).line());
        assertEquals(List.of("ethtool", "unbind"), List.copyOf(s.threads().keySet()));
        assertEquals(List.of("sfp_timeout", "sfp_irq"), s.background());
        assertTrue(s.checksAll());
        assertEquals("race.yaml", s.source());
    }

    @Test
    void parse_opTypo_namesFileLineColumnAndSuggestsNearestOp() {
        String yaml = GOOD.replace("  - mac_probe", "  - sfp_prob");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertEquals(5, e.line());
        assertEquals(5, e.column());
        assertTrue(e.getMessage().startsWith("race.yaml:5:5: unknown op 'sfp_prob'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'sfp_probe'?"), e.getMessage());
    }

    @Test
    void parse_unknownModuleType_listsTypesAndSuggests() {
        String yaml = GOOD.replace("dac-passive", "dac-pasive");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("unknown module type 'dac-pasive'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'dac-passive'?"), e.getMessage());
        assertTrue(e.getMessage().contains("copper-sgmii-phy"), e.getMessage());
    }

    @Test
    void parse_unknownArgument_namesOpAndExpectedArguments() {
        String yaml = GOOD.replace("{type: dac-passive}", "{kind: dac-passive}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertTrue(e.getMessage().contains("op 'module_plug' has no argument 'kind'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected: type"), e.getMessage());
    }

    @Test
    void parse_unknownBackgroundContext_suggestsNearest() {
        String yaml = GOOD.replace("sfp_timeout, sfp_irq", "sfp_timeout, sfp_iqr");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertEquals(11, e.line());
        assertTrue(e.getMessage().contains("unknown background context 'sfp_iqr'; did you mean 'sfp_irq'?"), e.getMessage());
    }

    @Test
    void parse_unknownInvariant_listsInvariants() {
        String yaml = GOOD.replace("check: all", "check: [bus-refcont]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertTrue(e.getMessage().contains("unknown invariant 'bus-refcont'; did you mean 'bus-refcount'?"), e.getMessage());
    }

    @Test
    void parse_unknownTopLevelKey_suggestsKey() {
        String yaml = GOOD.replace("background:", "backgrund:");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertTrue(e.getMessage().contains("unknown key 'backgrund'; did you mean 'background'?"), e.getMessage());
    }

    @Test
    void parse_unknownModel_listsModels() {
        String yaml = GOOD.replace("sfp-v5.14", "sfp-v5.15");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("sfp-v6.5"), e.getMessage());
    }

    @Test
    void parse_modelOptionInThread_isRejected() {
        String yaml = GOOD.replace("[sfp_remove]", "[{model_option: {name: rfc-phy-defer}}]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertTrue(e.getMessage().contains("only be used in setup"), e.getMessage());
    }

    @Test
    void parse_invalidYaml_reportsPosition() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("threads:\n  a: [sfp_probe\n", "bad.yaml"));
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.yaml:"), e.getMessage());
    }

    @Test
    void parse_modelOverride_replacesFileModel() {
        assertEquals("sfp-v6.5", ScenarioLoader.parse(GOOD, "race.yaml", "sfp-v6.5").model());
    }

    @Test
    void parse_missingModuleType_usesDefaultType() {
        Scenario s = ScenarioLoader.parse("setup: [module_plug]\n", "min.yaml");
        assertEquals("sfp-v5.14", s.model());
        assertEquals("min", s.name());
        assertEquals(Map.of("type", "sfp-1000base-x"), s.setup().get(0).args());
    }

    @Test
    void builtin_everyIndexedScenario_parsesAgainstItsModel() {
        List<String> names = ScenarioLoader.builtinNames();
        assertTrue(names.size() >= 15, names.toString());
        for (String n : names) {
            Scenario s = ScenarioLoader.builtin(n);
            assertEquals(n, s.name(), "the file's name: key matches its index entry");
            assertTrue(s.threads().size() <= 3, n + " keeps at most three threads");
        }
    }

    @Test
    void parse_duplicateThreadName_namesBothLinesAndWhatToDo() {
        String yaml = GOOD.replace("  unbind:  [sfp_remove]", "  ethtool: [sfp_remove]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().startsWith("race.yaml:10:3: duplicate key 'ethtool' in 'threads' (first at line 9, column 3)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("rename one of them"), e.getMessage());
    }

    @Test
    void parse_duplicateTopLevelKey_isRejected() {
        String yaml = GOOD + "check: [bus-refcount]\n";
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertEquals(13, e.line());
        assertTrue(e.getMessage().contains("duplicate key 'check' (first at line 12, column 1): write 'check:' once"),
                e.getMessage());
    }

    @Test
    void parse_duplicateOpArgument_isRejected() {
        String yaml = GOOD.replace("{type: dac-passive}", "{type: dac-passive, type: high-power}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("duplicate key 'type' in 'module_plug'"), e.getMessage());
    }

    @Test
    void parse_emptyThreadsMapping_saysWhatToDo() {
        String yaml = GOOD.replace("threads:\n  ethtool: [ethtool_get_module_eeprom]\n  unbind:  [sfp_remove]\n", "threads: {}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"));
        assertEquals(8, e.line());
        assertTrue(e.getMessage().contains("'threads' is an empty mapping"), e.getMessage());
        assertTrue(e.getMessage().contains("leave 'threads' out"), e.getMessage());
    }

    @Test
    void parse_bounds_setsWorkRuns() {
        assertEquals(Scenario.DEFAULT_WORK_RUNS, ScenarioLoader.parse(GOOD, "race.yaml").workRuns());
        assertEquals(2, ScenarioLoader.parse(GOOD + "bounds: {work_runs: 2}\n", "race.yaml").workRuns());
    }

    @Test
    void parse_badBounds_namesTheBoundAndRange() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(GOOD + "bounds: {work_runs: 0}\n", "race.yaml"));
        assertEquals(13, e.line());
        assertTrue(e.getMessage().contains("work_runs must be a whole number from 1 to 1000, got '0'"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(GOOD + "bounds: {work_run: 3}\n", "race.yaml"));
        assertTrue(e.getMessage().contains("unknown bound 'work_run'; did you mean 'work_runs'?"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(GOOD + "bounds: 3\n", "race.yaml"));
        assertTrue(e.getMessage().contains("expected 'bounds' to be a mapping"), e.getMessage());
    }

    @Test
    void withOption_prependsTheOptionAndRenames() {
        Scenario s = ScenarioLoader.parse(GOOD, "race.yaml").withOption("sfp-bus-private-lock");
        assertEquals("race+sfp-bus-private-lock", s.name());
        assertEquals(List.of("sfp-bus-private-lock"), s.options());
        assertEquals("model_option", s.setup().get(0).op());
    }

    @Test
    void builtin_unknownName_suggestsNearest() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.builtin("link-loss"));
        assertTrue(e.getMessage().contains("did you mean 'link-los'?"), e.getMessage());
    }

    @Test
    void parse_timing_keepsTheModeAndDefaultsToNone() {
        assertEquals(null, ScenarioLoader.parse(GOOD, "race.yaml").timing());
        for (String mode : Scenario.TIMINGS) {
            assertEquals(mode, ScenarioLoader.parse(GOOD + "timing: " + mode + "\n", "race.yaml").timing());
        }
        Scenario timed = ScenarioLoader.parse(GOOD + "timing: timed\n", "race.yaml");
        assertEquals("timed", timed.withModel("sfp-v6.5").withWorkRuns(2).withOption("dpaa2-mac-lock").timing());
        assertTrue(timed.runsIn("timed"));
        assertFalse(timed.runsIn("untimed"));
        assertTrue(ScenarioLoader.parse(GOOD, "race.yaml").runsIn("ordered"));
    }

    @Test
    void parse_unknownTiming_namesTheChoicesAndSuggests() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(GOOD + "timing: timd\n", "race.yaml"));
        assertEquals(13, e.line());
        assertTrue(e.getMessage().contains("unknown timing 'timd'; did you mean 'timed'? (expected one of: untimed, ordered, timed)"),
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(GOOD + "timing: [timed]\n", "race.yaml"));
        assertTrue(e.getMessage().contains("expected a timing mode (untimed, ordered, timed)"), e.getMessage());
    }

    @Test
    void parse_rtnlHold_takesWholeMillisecondsInRange() {
        String hold = GOOD.replace("unbind:  [sfp_remove]", "unbind:  [sfp_remove]\n  busy: [rtnl_hold: {ms: 400}]");
        assertEquals(Map.of("ms", "400"), ScenarioLoader.parse(hold, "race.yaml").threads().get("busy").get(0).args());
        String shorthand = GOOD.replace("unbind:  [sfp_remove]", "unbind:  [sfp_remove]\n  busy: [rtnl_hold: 5]");
        assertEquals(Map.of("ms", "5"), ScenarioLoader.parse(shorthand, "race.yaml").threads().get("busy").get(0).args());
        for (String bad : List.of("0", "-3", "1.5", "400ms", "3600001")) {
            String yaml = GOOD.replace("unbind:  [sfp_remove]", "unbind:  [sfp_remove]\n  busy: [rtnl_hold: {ms: " + bad + "}]");
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "race.yaml"), bad);
            assertTrue(e.getMessage().contains("'ms' of op 'rtnl_hold' must be a whole number from 1 to 3600000, got '" + bad + "'"),
                    e.getMessage());
        }
        String missing = GOOD.replace("unbind:  [sfp_remove]", "unbind:  [sfp_remove]\n  busy: [rtnl_hold]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(missing, "race.yaml"));
        assertTrue(e.getMessage().contains("op 'rtnl_hold' needs argument 'ms'"), e.getMessage());
    }
}
