package dev.whylock.cluster;

import dev.whylock.engine.Program;
import dev.whylock.engine.search.SearchConfig;
import java.util.List;

/**
 * Rebuilds, on a member, the program and search configuration a coordinator explores, from the
 * job's description (for the command line: the arguments of its {@code explore}). Members run the
 * same whylock and model (checked by fingerprint), so the same description gives the same program.
 */
@FunctionalInterface
public interface JobResolver {

    /** The program and configuration {@code spec} describes; an IllegalArgumentException says why not. */
    Job resolve(List<String> spec);

    /** What a member needs to run a job's units. */
    record Job(Program program, SearchConfig cfg) {}
}
