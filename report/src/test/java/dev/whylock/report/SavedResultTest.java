package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SavedResultTest {

    @Test
    void savedRun_readAndRendered_matchesTheDirectRendering() throws Exception {
        RunReport r = Runs.lostUpdateWithoutLock();
        SavedResult saved = SavedResult.read(RunJson.text(r));
        assertInstanceOf(RunReport.class, saved);
        assertEquals(RunJsonTest.render(r, false), text(saved));
    }

    @Test
    void savedWhy_readAndRendered_matchesTheDirectRendering() throws Exception {
        WhyRun w = Inquiries.devLockRun();
        SavedResult saved = SavedResult.read(WhyJson.text(w));
        assertInstanceOf(WhyRun.class, saved);
        StringBuilder direct = new StringBuilder();
        WhyHtmlRenderer.render(w, direct);
        StringBuilder again = new StringBuilder();
        saved.renderHtml(again);
        assertEquals(direct.toString(), again.toString());
    }

    static String text(SavedResult s) throws IOException {
        StringBuilder b = new StringBuilder();
        s.renderText(b, false);
        return b.toString();
    }
}
