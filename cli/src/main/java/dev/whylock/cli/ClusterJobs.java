package dev.whylock.cli;

import dev.whylock.cluster.ClusterException;
import dev.whylock.cluster.Fingerprints;
import dev.whylock.cluster.JobResolver;
import dev.whylock.engine.Program;
import dev.whylock.linux.model.Models;
import dev.whylock.linux.model.ScenarioException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * What the command line puts on a cluster: the job a member rebuilds is the command ({@code explore},
 * {@code lockset} or {@code why}) with its own arguments (without {@code --cluster}, a scenario file named by its
 * absolute path), parsed and prepared on the member exactly as here; the fingerprint every member must share is
 * the version and the code of the engine, the model and the command line.
 */
final class ClusterJobs {
    private ClusterJobs() {}

    /** How long {@code --cluster HOST:PORT} waits for the cluster to answer. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static volatile String fingerprint;

    static String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = Fingerprints.of(Version.VERSION, Program.class, Models.class, ClusterJobs.class, dev.whylock.cluster.Cluster.class);
            fingerprint = f;
        }
        return f;
    }

    /** The job description of a {@code command} run from the command line {@code args} (whylock's, up to and with the command). */
    static List<String> spec(String command, List<String> args, Io io) {
        List<String> out = new ArrayList<>(List.of(command));
        for (int i = args.indexOf(command) + 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--cluster")) {
                i++;
            } else if (a.startsWith("--cluster=")) {
                continue;
            } else if (a.equals("--scenario") && i + 1 < args.size()) {
                out.add(a);
                out.add(scenario(args.get(++i), io));
            } else if (a.startsWith("--scenario=")) {
                out.add("--scenario=" + scenario(a.substring("--scenario=".length()), io));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private static String scenario(String s, Io io) {
        Path p = io.resolve(s);
        return Files.isRegularFile(p) ? p.toAbsolutePath().toString() : s;
    }

    /**
     * Rebuilds a job on a member: parses {@code SPEC} (a command and its arguments) and prepares it,
     * with nothing written anywhere: an {@code explore} or {@code lockset} gives its split search's
     * units, a {@code why} its inquiry's explorations.
     */
    static JobResolver resolver() {
        return spec -> {
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
            Io quiet = new Io(sink, sink, new PrintStream(OutputStream.nullOutputStream()), Path.of("").toAbsolutePath(), false,
                    System::nanoTime, Cancellation.manual(), 0);
            CommandLine cl = Main.commandLine(quiet);
            try {
                if (spec.isEmpty() || !List.of("explore", "why", "lockset").contains(spec.get(0))) {
                    throw new UsageException("a cluster runs explore, lockset and why, not " + (spec.isEmpty() ? "nothing" : spec.get(0)));
                }
                CommandLine.ParseResult parsed = cl.parseArgs(spec.toArray(String[]::new));
                Object command = parsed.subcommand().commandSpec().userObject();
                if (command instanceof WhyCommand why) {
                    return JobResolver.Job.inquiry(why.prepare(quiet).member(quiet));
                }
                if (command instanceof LocksetCommand lockset) {
                    LocksetCommand.Prepared p = lockset.prepare(quiet);
                    return JobResolver.Job.search(p.subject().program(), p.cfg());
                }
                ExploreCommand.Prepared p = ((ExploreCommand) command).prepare(quiet);
                return JobResolver.Job.search(p.program(), p.cfg());
            } catch (CommandLine.ParameterException | UsageException | ScenarioException e) {
                throw new IllegalArgumentException("this member cannot run '" + String.join(" ", spec) + "': " + e.getMessage(), e);
            }
        };
    }

    /**
     * Says on stderr (unless quiet) how many pieces of work were sent again because their member
     * left: the result is complete all the same, and the user sees that a member was lost.
     */
    static void reportResends(Io io, boolean quiet, dev.whylock.cluster.Cluster c) {
        long again = c.unitsResent();
        if (again > 0 && !quiet) {
            io.err().println("whylock: " + again + (again == 1 ? " piece of work was" : " pieces of work were")
                    + " sent again after their member left the cluster; nothing was lost or counted twice");
            io.err().flush();
        }
    }

    /** A cluster failure as the command line reports it: exit 2 with the message. */
    static UsageException failure(ClusterException e) {
        return new UsageException(e.getMessage());
    }
}
