package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The @GuardedBy check of a Java program in the saved result: JSON and back, and the text and HTML rendered from it. */
class GuardedByCheckTest {

    @Test
    void runWithCheck_writeThenRead_givesEqualCheck() throws Exception {
        RunReport r = Runs.dataRace().withGuardedBy(Guards.everyKind());
        RunReport back = RunJson.read(RunJson.text(r));
        assertNotNull(back.guardedBy());
        assertEquals(Guards.everyKind(), back.guardedBy());
        assertEquals(r, back);
    }

    @Test
    void whyWithCheck_writeThenRead_givesEqualCheck() throws Exception {
        WhyRun w = WhyRun.of("java", Inquiries.notNeeded()).withGuardedBy(Guards.everyKind());
        WhyRun back = WhyJson.read(WhyJson.text(w));
        assertEquals(Guards.everyKind(), back.guardedBy());
        assertEquals(Guards.nothing(), WhyJson.read(WhyJson.text(w.withGuardedBy(Guards.nothing()))).guardedBy());
    }

    @Test
    void withoutCheck_jsonHasNoGuardedByKey_andReadsBackWithout() throws Exception {
        String json = RunJson.text(Runs.dataRace());
        assertFalse(json.contains("guardedBy"), json);
        assertNull(RunJson.read(json).guardedBy());
        assertFalse(WhyJson.text(WhyRun.of(null, Inquiries.notNeeded())).contains("guardedBy"));
    }

    @Test
    void savedRun_readBack_rendersTheSameTextWithTheSectionLast() throws Exception {
        RunReport r = Runs.dataRace().withGuardedBy(Guards.everyKind());
        StringBuilder direct = new StringBuilder();
        RunTextRenderer.render(r, direct);
        StringBuilder plain = new StringBuilder();
        RunTextRenderer.render(Runs.dataRace(), plain);
        StringBuilder section = new StringBuilder();
        GuardedByText.render(Guards.everyKind(), true, section);
        assertEquals(plain + section.toString(), direct.toString());
        assertEquals(direct.toString(), SavedResultTest.text(SavedResult.read(RunJson.text(r))));
    }

    @Test
    void whyShortAnswer_breachWithoutTrace_fullReportWithIt() throws Exception {
        WhyRun w = WhyRun.of("java", Inquiries.notNeeded()).withGuardedBy(Guards.everyKind());
        StringBuilder brief = new StringBuilder();
        SavedResult.read(WhyJson.text(w)).renderText(brief, false);
        StringBuilder full = new StringBuilder();
        SavedResult.read(WhyJson.text(w)).renderText(full, true);
        String line = "      written in stats_update by A without stats_lock (2 steps)\n";
        assertTrue(brief.toString().contains("(exhaustive)\n\n@GuardedBy (Java): checked against 2 executions"), brief.toString());
        assertTrue(brief.toString().contains(line) && !brief.toString().contains("<== assertion"), brief.toString());
        assertTrue(full.toString().contains(line + "        step | A "), full.toString());
    }

    @Test
    void noAnnotationNoSuggestion_notExhaustive_saysSo() throws IOException {
        StringBuilder b = new StringBuilder();
        GuardedByText.render(Guards.nothing(), true, b);
        assertEquals("""

                @GuardedBy (Java): checked against 1,500 executions of the code as written (not exhaustive)
                  no field the program touches carries @GuardedBy
                  no field is written while shared with the same lock held at every access
                """, b.toString());
    }

    @Test
    void html_listsEveryGuardWithItsVerdict_theBreachAsLanes_andTheSuggestions() throws IOException {
        StringBuilder b = new StringBuilder();
        RunHtmlRenderer.render(Runs.dataRace().withGuardedBy(Guards.everyKind()), b);
        String html = b.toString();
        String section = html.substring(html.indexOf("<h2>@GuardedBy (Java)</h2>"));
        assertTrue(section.contains("<td class=\"mono\">dev-&gt;stats</td><td class=\"mono\">@GuardedBy(&quot;stats_lock&quot;)</td>"), section);
        assertTrue(section.contains("VIOLATED at 1 site") && section.contains("held at all 1,204 checked accesses")
                && section.contains("never accessed outside its initialisers") && section.contains("NOT CHECKED"), section);
        assertTrue(section.contains("written in stats_update by A without stats_lock (2 steps)</h3>\n<div class=\"lanes\""), section);
        assertTrue(section.contains("dev-&gt;count") && section.contains("dev-&gt;state") && section.contains("dev-&gt;queue"), section);
        assertFalse(section.contains("dev-&gt;refcount</td><td class=\"mono\">@GuardedBy(&quot;dev_lock&quot;)  ("),
                "an annotation already in place is not suggested again");
        StringBuilder plain = new StringBuilder();
        RunHtmlRenderer.render(Runs.dataRace(), plain);
        assertFalse(plain.toString().contains("@GuardedBy"));
    }

    @Test
    void read_unknownStatus_orGuardNamingLockAndUnchecked_failsNamingGuardedBy() {
        String json = RunJson.text(Runs.dataRace().withGuardedBy(Guards.everyKind()));
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> RunJson.read(json.replace("\"cannot-name\"", "\"maybe\"")));
        assertTrue(e.getMessage().startsWith("guardedBy: "), e.getMessage());
        ResultFormatException both = assertThrows(ResultFormatException.class, () -> RunJson.read(json.replace(
                "\"expression\": \"flagsLock()\",", "\"expression\": \"flagsLock()\", \"lock\": \"Dev.flags\",")));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
    }

    @Test
    void guard_namesItsLockOrSaysWhyUnchecked_notNeitherNorBoth() {
        assertThrows(IllegalArgumentException.class, () -> new GuardedByCheck.Guard("f", "x", null, null, 0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GuardedByCheck.Guard("f", "x", "L", "cannot check", 0, List.of()));
    }
}
