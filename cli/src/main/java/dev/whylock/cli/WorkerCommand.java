package dev.whylock.cli;

import dev.whylock.cluster.Address;
import dev.whylock.cluster.ClusterException;
import dev.whylock.cluster.Member;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code whylock worker --join HOST:PORT}: a member of a whylock cluster, until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        description = {"Run a member of a whylock cluster: it runs the work units of the DPOR searches that 'explore --cluster' "
                + "and 'lockset --cluster' send it and the explorations of 'why --cluster', until stopped (Ctrl-C). Every member must run the same whylock version and model; a member "
                + "with another is refused.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  whylock worker --join 10.0.0.5:5701       # on 10.0.0.5: the first member",
            "  whylock worker --join 10.0.0.5:5701       # on every other machine: joins it",
            "  whylock explore --scenario module-hotplug --cluster 10.0.0.5:5701",
            "  whylock why rtnl_mutex --cluster 10.0.0.5:5701",
            "",
            "A member listens on --port (default 5701, or the next free one); members and explorers must reach each other",
            "on those ports. Stopping or killing a member during a search loses nothing: its units run elsewhere.",
            "Exit codes: 0 stopped, 2 bad input, refused by the cluster, or no member answered at --join."})
final class WorkerCommand implements Callable<Integer> {

    @ParentCommand
    WhylockCommand root;

    @Option(names = "--join", paramLabel = "HOST:PORT", required = true,
            description = "A member of the cluster to join; the first member names itself (its own address and --port).")
    String join;

    @Option(names = "--port", paramLabel = "P", defaultValue = "5701",
            description = "The port to listen on (default 5701; the next free one if taken).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "The address others reach this member at (default: 127.0.0.1 if --join is on loopback, else one of "
                    + "this machine's addresses).")
    String host;

    @Option(names = "--workers", paramLabel = "N",
            description = "Work units this member runs at once (default: the machine's cores).")
    Integer workers;

    @Override
    public Integer call() throws InterruptedException {
        Io io = root.io();
        Address a;
        try {
            a = Address.parse(join);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--join " + e.getMessage());
        }
        if (a.local()) {
            throw new UsageException("--join " + join + ": expected HOST:PORT of a member (local:N is for explore --cluster)");
        }
        if (port < 1 || port > 65_535) {
            throw new UsageException("--port " + port + ": expected a port from 1 to 65535");
        }
        String bind = host != null ? host : loopback(a.host()) ? "127.0.0.1" : null;
        if (workers != null && (workers < 1 || workers > WorkersOption.MAX)) {
            throw new UsageException("--workers " + workers + ": expected a number from 1 to " + WorkersOption.MAX);
        }
        int slots = workers != null ? workers : dev.whylock.engine.search.Workers.available();
        Member m;
        try {
            m = Member.start(bind, port, List.of(a.toString()), ClusterJobs.fingerprint(), ClusterJobs.resolver(), slots);
        } catch (ClusterException e) {
            throw ClusterJobs.failure(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(m::close, "whylock-worker-stop"));
        io.err().println("whylock worker: member " + m.address() + " of a cluster of " + m.clusterSize() + ", running units on "
                + slots + " thread" + (slots == 1 ? "" : "s") + " (" + dev.whylock.cluster.Fingerprints.describe(m.fingerprint())
                + "); Ctrl-C stops it");
        io.err().flush();
        m.awaitStop();
        return ExitCode.OK;
    }

    private static boolean loopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
    }
}
