package dev.whylock.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * A result saved as JSON, either an exploration run or a why inquiry, that text and HTML reports
 * are rendered from (jcstress style: save first, render later, so reports never disagree).
 */
public sealed interface SavedResult permits RunReport, WhyRun {

    /** Reads a result written by {@link RunJson} or {@link WhyJson}, telling them apart by the {@code result} key. */
    static SavedResult read(String json) throws ResultFormatException {
        ObjectNode n = Json.parse(json);
        String kind = Json.textOr(n, "result");
        if ("why".equals(kind)) {
            return WhyJson.fromTree(n);
        }
        if ("run".equals(kind)) {
            return RunJson.fromTree(n);
        }
        if ("stress".equals(kind)) {
            throw new ResultFormatException("a stress result records no trace, so there is nothing more to render: the JSON file is "
                    + "the whole result ('whylock report' renders run and why results)");
        }
        throw new ResultFormatException("'result' is " + (kind == null ? "missing" : "'" + kind + "'")
                + "; this whylock renders 'run' (explore, lockset) and 'why' results");
    }

    /** The JSON text of this result. */
    default String json() {
        return switch (this) {
            case RunReport r -> RunJson.text(r);
            case WhyRun w -> WhyJson.text(w);
        };
    }

    /** Renders this result as plain text: the short form for a why inquiry unless {@code full}. */
    default void renderText(Appendable out, boolean full) throws IOException {
        switch (this) {
            case RunReport r -> RunTextRenderer.render(r, out);
            case WhyRun w -> {
                if (full) {
                    WhyTextRenderer.render(w, out);
                } else {
                    WhyAnswer.render(w, out);
                }
            }
        }
    }

    /** Renders this result as a self-contained HTML page. */
    default void renderHtml(Appendable out) throws IOException {
        switch (this) {
            case RunReport r -> RunHtmlRenderer.render(r, out);
            case WhyRun w -> WhyHtmlRenderer.render(w, out);
        }
    }
}
