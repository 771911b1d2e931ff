package dev.whylock.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code whylock lockset}: which locks were held at every access of each field ("what protects what"). */
@Command(name = "lockset", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Explore a scenario and report, per field, the locks held at every access (what protects what), "
                + "and the lock-order edges with their sites.", ""},
        footerHeading = "%nExamples:%n",
        footer = {"  whylock lockset --scenario module-insert-vs-phylink-create",
            "  whylock lockset --scenario unbind-cage --model sfp-v6.5 --json locksets.json"})
final class LocksetCommand implements Callable<Integer> {

    @ParentCommand
    WhylockCommand root;

    @Option(names = "--scenario", required = true, paramLabel = "S",
            description = "A built-in scenario (see 'whylock list scenarios') or a path to a scenario file (YAML).")
    String scenario;

    @Option(names = "--model", paramLabel = "M", description = "The model: sfp-v5.14 (default) or sfp-v6.5.")
    String model;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Io io = root.io();
        ScenarioResolver.load(io, scenario, model);
        common.checkWritable(io);
        throw new UsageException("lockset: the lockset analysis is not in this build yet");
    }
}
