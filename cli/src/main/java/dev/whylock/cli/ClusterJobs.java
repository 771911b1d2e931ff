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
 * What the command line puts on a cluster: the job a member rebuilds is the {@code explore}
 * command's own arguments (without {@code --cluster}, a scenario file named by its absolute path),
 * parsed and prepared on the member exactly as here; the fingerprint every member must share is
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

    /** The job description of an {@code explore} run from the command line {@code args} (whylock's, up to and with "explore"). */
    static List<String> spec(List<String> args, Io io) {
        List<String> out = new ArrayList<>();
        for (int i = args.indexOf("explore") + 1; i < args.size(); i++) {
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

    /** Rebuilds a job on a member: parses {@code explore SPEC} and prepares it, with nothing written anywhere. */
    static JobResolver resolver() {
        return spec -> {
            PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
            Io quiet = new Io(sink, sink, new PrintStream(OutputStream.nullOutputStream()), Path.of("").toAbsolutePath(), false,
                    System::nanoTime, Cancellation.manual(), 0);
            CommandLine cl = Main.commandLine(quiet);
            List<String> args = new ArrayList<>(List.of("explore"));
            args.addAll(spec);
            try {
                CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(String[]::new));
                ExploreCommand explore = (ExploreCommand) parsed.subcommand().commandSpec().userObject();
                ExploreCommand.Prepared p = explore.prepare(quiet);
                return new JobResolver.Job(p.program(), p.cfg());
            } catch (CommandLine.ParameterException | UsageException | ScenarioException e) {
                throw new IllegalArgumentException("this member cannot run 'explore " + String.join(" ", spec) + "': " + e.getMessage(), e);
            }
        };
    }

    /** A cluster failure as the command line reports it: exit 2 with the message. */
    static UsageException failure(ClusterException e) {
        return new UsageException(e.getMessage());
    }
}
