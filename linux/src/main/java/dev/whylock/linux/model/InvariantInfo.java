package dev.whylock.linux.model;

/**
 * A named check a scenario can select under {@code check:}.
 *
 * @param name the stable name
 * @param description one line saying what must hold
 */
public record InvariantInfo(String name, String description) {}
