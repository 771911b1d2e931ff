/**
 * The API the CLI and reports use to reach the kernel model: {@link dev.whylock.linux.model.Models}
 * (the registry: {@code sfp-v5.14}, {@code sfp-v6.5}), {@link dev.whylock.linux.model.Model} (op
 * catalogue, lock classes, sites, invariants, background contexts, module types, built-in
 * scenarios, and the engine program of a scenario), {@link dev.whylock.linux.model.Scenario} and
 * {@link dev.whylock.linux.model.ScenarioLoader} (YAML files checked against the model, with
 * file:line:column errors and "did you mean" suggestions).
 *
 * <p>A scenario's program runs the setup ops in order on the engine's {@code main} task (work
 * runs only when main waits, e.g. in {@code settle}), then spawns one task per scenario thread.
 * Background contexts a scenario does not list are held back during the race (see
 * {@link dev.whylock.linux.kernel.Kernel}). The machine is one SFP cage ({@code sfp0}) and one
 * phylink MAC ({@code mac0}, netdev {@code eth0}) whose firmware node points at the cage.
 */
package dev.whylock.linux.model;
