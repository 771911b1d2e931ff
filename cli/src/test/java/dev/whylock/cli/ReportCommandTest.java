package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code whylock report FILE.json}: every output is rendered from the saved result, so rendering it again gives the same. */
class ReportCommandTest {

    @TempDir
    Path dir;

    @Test
    void report_ofAnExploreResult_printsExactlyWhatExplorePrinted() throws IOException {
        Cli.Result run = Cli.run(dir, "explore", "--scenario", "unbind-cage", "--remove", "rtnl_mutex@sfp_unregister_socket",
                "--json", "r.json", "--html", "r.html");
        assertEquals(ExitCode.VIOLATION, run.code(), run.toString());
        Cli.Result again = Cli.run(dir, "report", "r.json", "--html", "again.html");
        assertEquals(ExitCode.OK, again.code(), again.toString());
        assertEquals(run.out(), again.out());
        assertEquals(Files.readString(dir.resolve("r.html")), Files.readString(dir.resolve("again.html")));
    }

    @Test
    void report_ofAWhyResult_shortByDefaultAndFullOnRequest() throws IOException {
        Cli.Result run = Cli.run(dir, "why", "rtnl_mutex", "--scenario", "unbind-cage", "--stress-runs", "0", "--json", "w.json");
        assertEquals(ExitCode.OK, run.code(), run.toString());
        Cli.Result again = Cli.run(dir, "report", "w.json");
        assertEquals(run.out(), again.out());
        Cli.Result full = Cli.run(dir, "report", "w.json", "--full");
        assertTrue(full.out().contains("6. Minimal counterexamples"), full.out());
    }

    @Test
    void report_ofAFileWithoutSchemaVersion_exits2SayingItIsFromAnOlderWhylock() throws IOException {
        Files.writeString(dir.resolve("old.json"), "{\"verdict\": \"no-violation\", \"executions\": 1}\n");
        Cli.Result r = Cli.run(dir, "report", "old.json");
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("older whylock"), r.err());
        assertTrue(!r.err().contains("Exception"), "no stack trace: " + r.err());
    }

    @Test
    void report_missingFile_exits2() {
        Cli.Result r = Cli.run(dir, "report", "nothing.json");
        assertEquals(ExitCode.USAGE, r.code(), r.toString());
        assertTrue(r.err().contains("no such file"), r.err());
    }
}
