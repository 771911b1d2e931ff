package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, version, completion and the catalogue listings. */
class CommandLineTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"why", "explore", "lockset", "replay", "list", "worker"})
    void help_everyCommand_exits0WithExamples(String command) {
        Cli.Result r = Cli.run(dir, command, "--help");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("Examples:"), r.out());
        assertTrue(r.out().contains("whylock " + command), r.out());
    }

    @Test
    void help_topLevel_listsTheCommandsAndExitCodes() {
        Cli.Result r = Cli.run(dir, "--help");
        assertEquals(ExitCode.OK, r.code());
        for (String c : new String[] {"why", "explore", "lockset", "replay", "list", "worker", "generate-completion", "Exit codes"}) {
            assertTrue(r.out().contains(c), c + " in " + r.out());
        }
    }

    @Test
    void version_printsVersionAndModels() {
        Cli.Result r = Cli.run(dir, "--version");
        assertEquals(ExitCode.OK, r.code());
        assertTrue(r.out().startsWith("whylock " + Version.VERSION), r.out());
        assertTrue(r.out().contains("sfp-v6.5"), r.out());
        assertTrue(!Version.VERSION.contains("${"), "version filtered at build time: " + Version.VERSION);
    }

    @Test
    void generateCompletion_printsABashScriptThatCompletesTheCommands() {
        Cli.Result r = Cli.run(dir, "generate-completion");
        assertEquals(ExitCode.OK, r.code(), r.toString());
        assertTrue(r.out().contains("complete -F"), "a bash completion script");
        assertTrue(r.out().contains("explore") && r.out().contains("--max-executions"), "knows the commands and flags");
        assertTrue(r.out().contains("rtnl_mutex@sfp_bus_add_upstream"), "completes --remove with the model's sites");
    }

    @Test
    void list_ops_printsTheCatalogueWithDescriptions() {
        Cli.Result r = Cli.run(dir, "list", "ops");
        assertEquals(ExitCode.OK, r.code());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("sfp_probe ") && l.length() > 40), r.out());
        assertTrue(r.out().contains("module_plug"), r.out());
    }

    @Test
    void list_everyCatalogue_exits0AndIsNotEmpty() {
        for (String what : ListCommand.WHAT) {
            Cli.Result r = Cli.run(dir, "list", what, "--model", "sfp-v6.5");
            assertEquals(ExitCode.OK, r.code(), r.toString());
            assertTrue(r.out().lines().count() >= 2, what + ": " + r.out());
        }
    }

    @Test
    void list_sites_useTheLockAtFunctionSpelling() {
        Cli.Result r = Cli.run(dir, "list", "sites");
        assertTrue(r.out().lines().anyMatch(l -> l.equals("rtnl_mutex@sfp_bus_add_upstream")), r.out());
    }

    @Test
    void helpExamples_everyCommand_parseWithTheRealCommandLine() {
        picocli.CommandLine cl = ReadmeTest.commandLine();
        int checked = 0;
        java.util.List<picocli.CommandLine> all = new java.util.ArrayList<>(cl.getSubcommands().values());
        all.add(cl);
        for (picocli.CommandLine c : all) {
            String[] footer = c.getCommandSpec().usageMessage().footer();
            for (int i = 0; i < footer.length; i++) {
                String t = footer[i].strip();
                // A shell line continuation: the example goes on on the next line.
                while (t.endsWith("\\") && i + 1 < footer.length) {
                    t = t.substring(0, t.length() - 1).strip() + " " + footer[++i].strip();
                }
                if (t.startsWith("whylock ")) {
                    java.util.List<String> args = ReadmeTest.words(t.substring("whylock ".length()));
                    try {
                        ReadmeTest.commandLine().parseArgs(args.toArray(String[]::new));
                    } catch (picocli.CommandLine.ParameterException e) {
                        throw new AssertionError("example of '" + c.getCommandName() + "' does not parse: " + t + ": " + e.getMessage());
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 16, "examples checked: " + checked);
    }
}
