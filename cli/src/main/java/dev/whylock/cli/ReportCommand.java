package dev.whylock.cli;

import dev.whylock.report.ResultFormatException;
import dev.whylock.report.SavedResult;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code whylock report FILE.json}: renders a saved result again, as text on stdout and optionally as HTML. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Render a result saved with --json (by why, explore or lockset) again, without re-running anything: "
                + "the text on stdout, and a self-contained HTML page with --html. Every whylock command renders its own "
                + "output this way, from the JSON it saved.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  whylock report why.json", "  whylock report why.json --full", "  whylock report run.json --html run.html --quiet",
            "", "Exit codes: 0 rendered, 2 not a readable whylock result (or from another whylock version), 3 internal error."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    WhylockCommand root;

    @Parameters(paramLabel = "FILE.json", description = "A result written by --json.")
    String file;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the self-contained HTML report to FILE.")
    String html;

    @Option(names = "--full", description = "For a why result: the full report instead of the short answer.")
    boolean full;

    @Option(names = {"-q", "--quiet"}, description = "No text on stdout: only the files asked for.")
    boolean quiet;

    @Override
    public Integer call() {
        Io io = root.io();
        Path p = io.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new UsageException("report " + file + ": " + (Files.isDirectory(p) ? "is a directory" : "no such file")
                    + "; expected a JSON result written by --json");
        }
        SavedResult saved;
        try {
            saved = SavedResult.read(Files.readString(p, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new UsageException("report " + file + ": not a JSON result (not UTF-8 text)");
        } catch (IOException e) {
            throw new UsageException("report " + file + ": cannot read the file (" + ScenarioResolver.reason(e) + ")");
        } catch (ResultFormatException e) {
            throw new UsageException("report " + file + ": " + e.getMessage());
        }
        CommonOptions out = new CommonOptions();
        out.html = html;
        out.quiet = quiet;
        if (html != null) {
            AtomicFile.checkWritable(io.resolve(html), "--html");
        }
        RunOutput.render(io, out, saved, full);
        return ExitCode.OK;
    }
}
