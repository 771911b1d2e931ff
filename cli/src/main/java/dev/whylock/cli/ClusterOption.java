package dev.whylock.cli;

import dev.whylock.cluster.Address;
import picocli.CommandLine.Option;

/** {@code --cluster HOST:PORT|local:N}: run a DPOR search's work units (explore) or an inquiry's explorations (why) on the members of a whylock cluster. */
final class ClusterOption {

    @Option(names = "--cluster", paramLabel = "HOST:PORT|local:N",
            description = "Run the work on a whylock cluster (explore, lockset: the DPOR search's work units; why: its explorations, "
                    + "one scenario under one experiment each): HOST:PORT of any member started with "
                    + "'whylock worker --join', or local:N for N members started in this JVM (on loopback; for trying it out "
                    + "and measuring). The result is the one this machine gives alone, also if a member dies in the middle. "
                    + "Scenarios only (a Java program runs on this machine).")
    String cluster;

    boolean given() {
        return cluster != null;
    }

    /** The parsed address; a malformed one is a usage error. */
    Address address() {
        try {
            return Address.parse(cluster);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cluster " + e.getMessage());
        }
    }
}
