package dev.whylock.cluster;

import dev.whylock.engine.Program;
import dev.whylock.engine.search.SearchConfig;
import dev.whylock.engine.search.SplitSearch;
import dev.whylock.engine.why.InquiryMember;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Rebuilds, on a member, the job a coordinator runs, from the job's description (for the command
 * line: the command and its arguments). Members run the same whylock and model (checked by
 * fingerprint), so the same description gives the same programs.
 */
@FunctionalInterface
public interface JobResolver {

    /** The job {@code spec} describes; an IllegalArgumentException says why not. */
    Job resolve(List<String> spec);

    /** What a member does with the pieces of work a coordinator sends it for one job: each is plain data, and so is the answer. */
    @FunctionalInterface
    interface Job {

        /** Runs one piece of work and returns its answer; {@code over} turns true when the coordinator gave up on it. */
        byte[] run(byte[] work, BooleanSupplier over);

        /** The work units of a split DPOR search of {@code program} ({@link SplitSearch#runSent}). */
        static Job search(Program program, SearchConfig cfg) {
            return (work, over) -> SplitSearch.runSent(program, cfg, work, over);
        }

        /** The explorations of a why inquiry ({@link InquiryMember#run}). */
        static Job inquiry(InquiryMember member) {
            return member::run;
        }
    }
}
