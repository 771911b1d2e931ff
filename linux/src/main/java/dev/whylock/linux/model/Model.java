package dev.whylock.linux.model;

import dev.whylock.engine.Program;
import java.util.List;
import java.util.Map;

/**
 * An executable kernel model the CLI and reports use: its catalogue (ops, locks, sites,
 * invariants, contexts, module types, built-in scenarios) and the program for a scenario.
 */
public interface Model {

    /** The stable name, e.g. {@code sfp-v5.14}. */
    String name();

    /** One line: which kernel and what differs. */
    String description();

    /** Every op a scenario may use, with one-line descriptions. */
    List<OpInfo> ops();

    /** The lock classes, e.g. {@code rtnl_mutex}. */
    List<String> lockClasses();

    /**
     * Lock classes the lock-order analysis should leave out, like lockdep's
     * {@code lockdep_set_novalidate_class}: {@code device_lock} is one class for every device and
     * nests parent before child (and the cage's device before the module PHY's).
     */
    default List<String> unvalidatedLockClasses() {
        return List.of();
    }

    /**
     * Replacement experiments worth running when asking why {@code lockClass} is needed, in the
     * command-line form {@code LOCK@SITE,...=NEWLOCK}: the alternatives the lock's own discussion
     * proposed. They are experiments to run, never answers; an empty list means none is suggested.
     */
    default List<String> suggestedReplacements(String lockClass) {
        return List.of();
    }

    /**
     * The entry points whose need for {@code lockClass} the model was built to explain, each with
     * the functions in which it takes the lock (the call graph, as the model's {@code Context:}
     * lines state it; a test checks it against the executions): for the SFP models and rtnl,
     * phylink_create() and phylink_destroy(), the 2021 question. The question, never its answer:
     * what the lock does there is computed from the explored executions. Empty when none.
     */
    default Map<String, List<String>> entryPoints(String lockClass) {
        return Map.of();
    }

    /** Every acquisition site as {@code LOCK@function}. */
    List<String> sites();

    /** The named checks a scenario may select. */
    List<InvariantInfo> invariants();

    /** The background contexts a scenario may list. */
    List<String> backgroundContexts();

    /** The background contexts with one-line descriptions and whether each re-arms itself ({@code list contexts}). */
    default List<ContextInfo> contexts() {
        return backgroundContexts().stream().map(c -> new ContextInfo(c, "", false)).toList();
    }

    /** The model options {@code model_option} accepts. */
    default List<String> options() {
        return List.of();
    }

    /**
     * Locking designs proposed instead of {@code lockClass}, each built as a model option, with the
     * points of the argument about it (for a report to say which point a finding supports).
     */
    default List<Design> designs(String lockClass) {
        return List.of();
    }

    /** The module types {@code module_plug} accepts. */
    List<String> moduleTypes();

    /** The names of the built-in scenarios of this model. */
    List<String> builtinScenarios();

    /**
     * The built-in scenarios an inquiry explores by default: those of the code as written. A
     * scenario that turns on a {@link Design}'s option explores a different program (a proposal that
     * was never merged), and mixing its lock order with the kernel's would show cycles no single
     * program has; such scenarios are explored on their own ({@code --scenario}) or as the design.
     */
    default List<String> inquiryScenarios() {
        return inquiryScenarios("untimed");
    }

    /**
     * The built-in scenarios an inquiry in timing mode {@code timing} explores by default: those of
     * {@link #inquiryScenarios()} that name no timing or name this one. A scenario written for the
     * timed mode asks about a window only time closes; explored untimed, it would report the
     * over-approximation it was written to settle.
     */
    default List<String> inquiryScenarios(String timing) {
        return builtinScenarios();
    }

    /** The engine program that runs {@code s}: setup ops on main, then one task per thread. */
    Program program(Scenario s);
}
