package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code whylock} with no arguments answers "why is rtnl_mutex needed?" over every built-in
 * scenario, answer first and short; {@code --json} and {@code --html} apply to it.
 */
class DefaultCommandIT {

    /** The HTML of the default report must stay small enough to open and share. */
    static final long MAX_HTML_BYTES = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void noArguments_withOutputFlags_shortAnswerFirstAndSmallHtml() throws IOException {
        Cli.Result r = Cli.run(dir, "--json", "why.json", "--html", "why.html");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() <= 60, lines.size() + " lines:\n" + r.out());
        assertTrue(lines.get(0).startsWith("rtnl_mutex is NECESSARY"), r.out());
        assertEquals(lines.get(0), lines.get(lines.size() - 1), "the verdict is repeated on the last line");
        String head = String.join("\n", lines.subList(0, 8));
        assertTrue(head.contains("phylink_create()") && head.contains("phylink_destroy()"), "the question comes first:\n" + r.out());
        assertTrue(r.out().contains("NECESSARY  sfp_bus_add_upstream"), r.out());
        assertTrue(r.out().contains("whylock replay "), r.out());
        JsonNode j = ExploreCommandTest.json(dir.resolve("why.json"));
        long sites = ListCommand.sites(ScenarioResolver.model(null), "rtnl_mutex").size();
        assertEquals(sites, j.get("sites").size() + j.get("unreachedSites").size(), "every site the model has is counted");
        assertTrue(r.out().contains("of " + sites + " acquisition sites"), r.out());
        long html = Files.size(dir.resolve("why.html"));
        assertTrue(html < MAX_HTML_BYTES, "the default report's HTML is " + html + " bytes");
    }
}
