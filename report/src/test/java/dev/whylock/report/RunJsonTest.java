package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whylock.engine.LockExperiment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunJsonTest {

    static final List<String> STABLE = List.of("verdict", "exhaustive", "executions", "elapsedMillis", "model", "scenario",
            "experiments", "violations", "locksets", "lockOrder");

    @Test
    void violationReport_writeThenRead_givesEqualReport() throws Exception {
        for (RunReport r : List.of(Runs.lostUpdateWithoutLock(), Runs.lostUpdate(), Runs.abba(), Runs.abbaPlain(), Runs.longSetup())) {
            assertEquals(r, RunJson.read(RunJson.text(r)));
        }
    }

    @Test
    void reportReadBack_rendersTheSameTextAndHtml() throws Exception {
        for (RunReport r : List.of(Runs.lostUpdateWithoutLock(), Runs.lostUpdate(), Runs.abba(), Runs.abbaPlain())) {
            RunReport back = RunJson.read(RunJson.text(r));
            assertEquals(render(r, false), render(back, false));
            assertEquals(render(r, true), render(back, true));
        }
    }

    @Test
    void longTrace_text_showsStepsAroundTheFirstPreemptionAndSaysWhatIsHidden() throws Exception {
        RunReport r = Runs.longSetup();
        String text = render(r, false);
        assertTrue(text.contains("(steps 1-"), text);
        assertTrue(text.contains("the JSON result and the replay file have every step"), text);
        assertTrue(!text.contains("dev_configure: write cfg->param0 "), "the first setup step is folded away");
        assertEquals(r.violations().get(0).trace().steps().size(), RunJson.read(RunJson.text(r)).violations().get(0).trace().steps().size());
        assertTrue(render(r, true).contains("<details><summary>"), "HTML folds the early steps");
    }

    @Test
    void json_topLevel_startsWithTheStableKeysInOrder() throws Exception {
        JsonNode n = new ObjectMapper().readTree(RunJson.text(Runs.abba()));
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("schemaVersion", "result"), keys.subList(0, 2));
        assertEquals(STABLE, keys.subList(2, STABLE.size() + 2));
        JsonNode step = n.get("violations").get(0).get("trace").get(0);
        for (String k : List.of("task", "operation", "object", "site", "preemption")) {
            assertTrue(step.has(k), "step lacks " + k);
        }
        assertEquals(".whylock/ab-ba-1.replay", n.get("violations").get(0).get("replay").asText());
        assertEquals("deadlock", n.get("violations").get(0).get("kind").asText());
    }

    @Test
    void read_missingStableKey_failsNamingTheKey() {
        String json = RunJson.text(Runs.lostUpdate()).replace("\"executions\"", "\"runs\"");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> RunJson.read(json));
        assertTrue(e.getMessage().contains("'executions'"), e.getMessage());
    }

    @Test
    void read_verdictContradictingViolations_fails() {
        String json = RunJson.text(Runs.abba()).replace("\"verdict\": \"violation\"", "\"verdict\": \"no-violation\"");
        assertThrows(ResultFormatException.class, () -> RunJson.read(json));
    }

    @Test
    void read_resultWithoutSchemaVersion_failsSayingItIsFromAnOlderWhylock() {
        String json = RunJson.text(Runs.lostUpdate()).replaceFirst("\"schemaVersion\": 2,", "");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> SavedResult.read(json));
        assertTrue(e.getMessage().contains("older whylock"), e.getMessage());
    }

    @Test
    void read_otherSchemaVersion_failsNamingBothVersions() {
        String json = RunJson.text(Runs.lostUpdate()).replaceFirst("\"schemaVersion\": 2", "\"schemaVersion\": 1");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> SavedResult.read(json));
        assertTrue(e.getMessage().contains("schema version 1") && e.getMessage().contains("reads version 2"), e.getMessage());
    }

    @Test
    void read_notJson_failsWithLine() {
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> RunJson.read("{\n\"verdict\": "));
        assertTrue(e.getMessage().startsWith("not valid JSON"), e.getMessage());
    }

    @Test
    void experimentNotes_writeThenRead_keepTheNewLockAndTheNeverReachedExperiment() throws Exception {
        RunReport r = Programs.report("lost-update", Programs.lostUpdate(), LockExperiment.remove("counter_lock", "nowhere"),
                LockExperiment.replace("counter_lock", "new_lock", "counter_inc"))
                .withExperimentNotes(List.of("new_lock"), List.of("remove counter_lock@nowhere"));
        RunReport back = RunJson.read(RunJson.text(r));
        assertEquals(r, back);
        String header = render(back, false).lines().skip(1).findFirst().orElseThrow();
        assertTrue(header.contains("remove counter_lock@nowhere (never reached); replace counter_lock@counter_inc=new_lock "
                + "(new_lock: a new lock class)"), header);
    }

    @Test
    void everyExperimentNeverReached_noViolation_verdictSaysNeverReachedNotNoViolation() throws Exception {
        RunReport r = Programs.report("lost-update", Programs.lostUpdate(), LockExperiment.remove("counter_lock", "nowhere"))
                .withExperimentNotes(List.of(), List.of("remove counter_lock@nowhere"));
        String verdict = RunTextRenderer.verdict(r);
        assertTrue(verdict.startsWith("NEVER REACHED in lost-update: no explored execution reached what remove "
                + "counter_lock@nowhere changes"), verdict);
        assertTrue(render(r, true).contains("<div class=\"verdict open\">"), "HTML does not show it as good");
    }

    static String render(RunReport r, boolean html) throws IOException {
        StringBuilder b = new StringBuilder();
        if (html) {
            RunHtmlRenderer.render(r, b);
        } else {
            RunTextRenderer.render(r, b);
        }
        return b.toString();
    }
}
