package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WhyReportTest {

    static WhyRun devLock;
    static String text;

    @BeforeAll
    static void inquire() throws IOException {
        devLock = Inquiries.devLockRun();
        StringBuilder b = new StringBuilder();
        WhyTextRenderer.render(devLock, b);
        text = b.toString();
    }

    @Test
    void whyReport_writeThenRead_givesEqualReport() throws Exception {
        for (WhyRun w : List.of(devLock, Inquiries.selfDeadlock(), WhyRun.of(null, Inquiries.notNeeded()))) {
            assertEquals(w, WhyJson.read(WhyJson.text(w)));
        }
    }

    @Test
    void whyReportReadBack_rendersTheSameText() throws Exception {
        StringBuilder b = new StringBuilder();
        WhyTextRenderer.render(WhyJson.read(WhyJson.text(devLock)), b);
        assertEquals(text, b.toString());
    }

    @Test
    void whyText_sections_comeInTheOrderTheQuestionIsAnswered() {
        List<String> sections = List.of("1. Verdict per acquisition site", "2. What dev_lock protects", "3. Assertions relying on dev_lock",
                "4. Could another lock replace it?", "5. Run it and see", "6. Minimal counterexamples", "7. Suggested annotations");
        int at = 0;
        for (String s : sections) {
            int i = text.indexOf(s);
            assertTrue(i > at, s + " missing or out of order");
            at = i;
        }
    }

    @Test
    void whyText_necessarySite_namesDamageScenarioAndCounterexample() {
        assertTrue(text.contains("NECESSARY  dev_lock@dev_get_stats     without it, use-after-free in scenario stats-vs-remove"), text);
        assertTrue(text.contains("NOT NEEDED dev_lock@dev_local_update"), text);
        assertTrue(text.contains("Possible unsafe locking scenario:"), text);
        assertTrue(text.contains("priv->dev  __guarded_by(dev_lock)"), text);
    }

    @Test
    void whyText_everyCounterexample_hasItsReplayCommand() {
        long counterexamples = text.lines().filter(l -> l.startsWith("  Counterexample ")).count();
        long replays = text.lines().filter(l -> l.startsWith("  replay: whylock replay .whylock/dev_lock-")).count();
        assertTrue(counterexamples > 0);
        assertEquals(counterexamples, replays);
    }

    @Test
    void whyText_deadlockAsWritten_isACounterexampleNotAVerdictAgainstRemoval() throws IOException {
        StringBuilder b = new StringBuilder();
        WhyTextRenderer.render(Inquiries.selfDeadlock(), b);
        String t = b.toString();
        assertTrue(t.contains("Counterexample 1: the code as written, scenario create-under-lock"), t);
        assertTrue(t.contains("deadlock (counterexample 1)"), t);
    }

    @Test
    void whyShortText_answerFirst_verdictOnFirstAndLastLineAndAReplayPerCounterexample() throws IOException {
        StringBuilder b = new StringBuilder();
        WhyAnswer.render(devLock, b);
        List<String> lines = b.toString().lines().toList();
        assertEquals(lines.get(0), lines.get(lines.size() - 1));
        assertTrue(lines.get(0).startsWith("dev_lock is NECESSARY"), lines.get(0));
        assertTrue(lines.size() <= 60, lines.size() + " lines");
        long necessary = devLock.report().verdicts().stream().filter(v -> v.counterexample() != null).count();
        assertEquals(necessary, lines.stream().filter(l -> l.strip().startsWith("whylock replay ")).count(), b.toString());
    }

    @Test
    void whyShortText_entryPointsGiven_answersTheQuestionFromTheSections() throws IOException {
        WhyRun asked = devLock.withEntryPoints(List.of(new WhyRun.EntryPoint("dev_close", List.of("dev_remove"))));
        StringBuilder b = new StringBuilder();
        WhyAnswer.render(asked, b);
        String t = b.toString();
        assertTrue(t.contains("Why do dev_close() need dev_lock?"), t);
        assertTrue(t.contains("dev_close() takes it in dev_remove(); holding it there:"), t);
        assertTrue(t.contains("it writes priv->dev"), t);
        assertTrue(t.contains("without it: NECESSARY, use-after-free in stats-vs-remove"), t);
    }

    @Test
    void whyText_mentionsOnlyLocksFromTheData() {
        assertFalse(text.contains("rtnl"), "nothing about rtnl is written in advance");
    }

    @Test
    void whyJson_verdictAndStableKeys_present() throws Exception {
        var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(WhyJson.text(devLock));
        assertEquals("necessary", n.get("verdict").asText());
        assertEquals("dev_lock", n.get("lock").asText());
        assertTrue(n.get("exhaustive").asBoolean());
        assertEquals("use-after-free", n.get("siteVerdicts").get(0).get("counterexample").get("kind").asText());
    }

    @Test
    void whyRead_unknownNecessity_failsNamingIt() {
        String json = WhyJson.text(devLock).replaceFirst("\"necessity\": \"necessary\"", "\"necessity\": \"maybe\"");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> WhyJson.read(json));
        assertTrue(e.getMessage().contains("maybe"), e.getMessage());
    }
}
