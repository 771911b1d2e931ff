package dev.whylock.cli;

import dev.whylock.linux.model.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code whylock why LOCK}: per acquisition site, what breaks without it, what it protects, what relies on it. */
@Command(name = "why", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Answer 'why is this lock needed?': remove the lock at each of its sites in turn over the scenarios, "
                + "explore every interleaving, and report what breaks (with replayable counterexamples), which fields the "
                + "lock protects, which assertions rely on it, and what replacing it does.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  whylock why rtnl_mutex",
            "  whylock why sfp->sm_mutex --model sfp-v6.5",
            "  whylock why rtnl_mutex --scenario module-insert-vs-phylink-create --scenario my-race.yaml --json why.json",
            "",
            "Exit code: 0 once the report is complete, whatever it found (the findings are the report); 2 bad input; 3 internal error."})
final class WhyCommand implements Callable<Integer> {

    @ParentCommand
    WhylockCommand root;

    @Parameters(paramLabel = "LOCK", description = "The lock class, e.g. rtnl_mutex (see 'whylock list locks').")
    String lock;

    @Option(names = "--model", paramLabel = "M", description = "The model: sfp-v5.14 (default) or sfp-v6.5.")
    String model;

    @Option(names = "--scenario", paramLabel = "S",
            description = "A built-in scenario or a scenario file to include; repeatable (default: every built-in scenario).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--max-executions", paramLabel = "N",
            description = "Executions per exploration (one scenario under one experiment); default 100,000.")
    Long maxExecutions;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall time per exploration, e.g. 30s; a cut exploration is reported as not exhaustive.")
    Duration timeLimit;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        Io io = root.io();
        Model m = ScenarioResolver.model(model);
        if (!m.lockClasses().contains(lock)) {
            throw new UsageException("why " + lock + ": model " + m.name() + " has no lock '" + lock + "'"
                    + Suggestions.didYouMean(lock, m.lockClasses()) + " (locks: " + String.join(", ", m.lockClasses())
                    + "; see 'whylock list locks')");
        }
        if (maxExecutions != null && (maxExecutions < 1 || maxExecutions > ExploreCommand.MAX_EXECUTIONS_LIMIT)) {
            throw new UsageException("--max-executions " + maxExecutions + ": expected a number from 1 to "
                    + String.format("%,d", ExploreCommand.MAX_EXECUTIONS_LIMIT));
        }
        for (String s : scenarios) {
            ScenarioResolver.load(io, s, model);
        }
        common.checkWritable(io);
        throw new UsageException("why " + lock + ": the why analysis (engine LockInquiry) is not in this build yet; "
                + "use 'whylock explore --scenario S --remove " + lock + "' meanwhile");
    }
}
