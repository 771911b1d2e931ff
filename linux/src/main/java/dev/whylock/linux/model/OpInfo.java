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
     */
    public record Param(String name, String description, List<String> allowed, String defaultValue) {
        public Param {
            allowed = List.copyOf(allowed);
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
