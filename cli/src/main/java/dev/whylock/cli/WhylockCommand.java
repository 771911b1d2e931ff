package dev.whylock.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code whylock} command: its subcommands, and with no arguments {@code whylock why rtnl_mutex}. */
@Command(name = "whylock", mixinStandardHelpOptions = true, versionProvider = Version.class,
        subcommands = {WhyCommand.class, ExploreCommand.class, LocksetCommand.class, ReplayCommand.class, ReportCommand.class,
            ListCommand.class, WorkerCommand.class,
            AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        description = {"Why is this lock needed? whylock explores every interleaving of a concurrent program (up to a "
                + "stated bound) to show which data a lock protects and, with the lock removed or replaced, the exact "
                + "replayable interleaving that breaks. Its built-in program is a model of the Linux SFP/phylink/phylib code.",
            "", "With no command it runs 'whylock why rtnl_mutex' and prints the short answer; --full, --json, --html, "
                + "--trace-out and --quiet apply to it.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  whylock                                   # why is rtnl_mutex needed? (sfp-v5.14), the short answer",
            "  whylock --full --html why.html --json why.json",
            "  whylock report why.json --html why.html   # render a saved result again",
            "  whylock why sfp->sm_mutex --model sfp-v6.5",
            "  whylock explore --scenario module-insert-vs-phylink-create --remove rtnl_mutex",
            "  whylock replay .whylock/module-insert-vs-phylink-create.remove-rtnl_mutex.violation-1.replay",
            "  whylock list scenarios",
            "  source <(whylock generate-completion)     # tab completion in bash or zsh",
            "",
            "Exit codes: 0 no violation within the bound, 1 a violation was found, 2 bad input or usage, 3 internal error,",
            "130 interrupted (Ctrl-C; the partial result is written).",
            "'why' exits 0 once its report is complete, whatever it found."})
final class WhylockCommand implements Callable<Integer> {

    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--full", description = "The full why report on stdout instead of the short answer.")
    boolean full;

    @Mixin
    CommonOptions common;

    @Mixin
    WorkersOption workers;

    WhylockCommand(Io io) {
        this.io = io;
    }

    Io io() {
        return io;
    }

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(List.of("rtnl_mutex"));
        if (full) {
            args.add("--full");
        }
        if (common.quiet) {
            args.add("--quiet");
        }
        if (workers.workers != null) {
            args.addAll(List.of("--workers", String.valueOf(workers.workers)));
        }
        for (String[] o : new String[][] {{"--json", common.json}, {"--html", common.html}, {"--trace-out", common.traceOut}}) {
            if (o[1] != null) {
                args.addAll(List.of(o[0], o[1]));
            }
        }
        return spec.commandLine().getSubcommands().get("why").execute(args.toArray(String[]::new));
    }
}
