package dev.whylock.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * A result saved as JSON, either an exploration run or a why inquiry, that text and HTML reports
 * are rendered from (jcstress style: save first, render later, so reports never disagree).
 */
public sealed interface SavedResult permits RunReport, WhyRun {

    /** Reads a result written by {@link RunJson} or {@link WhyJson}, telling them apart by the why report's {@code lock} key. */
    static SavedResult read(String json) throws ResultFormatException {
        JsonNode n = Json.parse(json);
        return n.has("lock") && n.has("siteVerdicts") ? WhyJson.read(json) : RunJson.read(json);
    }

    /** Renders this result as plain text. */
    default void renderText(Appendable out) throws IOException {
        switch (this) {
            case RunReport r -> RunTextRenderer.render(r, out);
            case WhyRun w -> WhyTextRenderer.render(w, out);
        }
    }

    /** Renders this result as a self-contained HTML page. */
    default void renderHtml(Appendable out) throws IOException {
        switch (this) {
            case RunReport r -> RunHtmlRenderer.render(r, out);
            case WhyRun w -> WhyHtmlRenderer.render(w, out);
        }
    }

    /** Writes this result as JSON. */
    default void writeJson(Appendable out) throws IOException {
        switch (this) {
            case RunReport r -> RunJson.write(r, out);
            case WhyRun w -> WhyJson.write(w, out);
        }
    }
}
