package dev.whylock.linux.model;

import java.util.List;

/**
 * One entry of a model's op catalogue: a scenario op, what it stands for, and its parameters.
 *
 * @param name the op as written in scenario files, e.g. {@code sfp_probe}
 * @param description one line saying which kernel path or hardware event it runs
 * @param params its parameters (most ops have none)
 */
public record OpInfo(String name, String description, List<Param> params) {

    public OpInfo {
        params = List.copyOf(params);
    }

    /**
     * A parameter of an op.
     *
     * @param name the key in the op's argument map
     * @param description one line
     * @param allowed the allowed values (empty: any)
     * @param defaultValue the value when omitted, or null when required
     * @param range for a whole-number parameter, the values it accepts; null otherwise
     */
    public record Param(String name, String description, List<String> allowed, String defaultValue, Range range) {
        public Param {
            allowed = List.copyOf(allowed);
        }

        /** A parameter that is not a number. */
        public Param(String name, String description, List<String> allowed, String defaultValue) {
            this(name, description, allowed, defaultValue, null);
        }

        /** A required whole-number parameter from {@code min} to {@code max}. */
        public static Param number(String name, String description, long min, long max) {
            return new Param(name, description, List.of(), null, new Range(min, max));
        }
    }

    /**
     * The whole numbers a parameter accepts, {@code min} to {@code max} inclusive.
     *
     * @param min the smallest value
     * @param max the largest value
     */
    public record Range(long min, long max) {

        /** Whether {@code text} is a whole number (digits only) within the range. */
        public boolean admits(String text) {
            if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
                return false;
            }
            long v = Long.parseLong(text);
            return v >= min && v <= max;
        }
    }

    /** The parameter named {@code key}, or null. */
    public Param param(String key) {
        for (Param p : params) {
            if (p.name().equals(key)) {
                return p;
            }
        }
        return null;
    }
}
