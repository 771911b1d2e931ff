package dev.whylock.jvm.instrument;

import java.util.ArrayList;
import java.util.List;

/** Calls the rewriter turned into atomic operations ({@link Redirects.Kind#ATOMIC}), numbered once per JVM. */
public final class Calls {
    private Calls() {}

    /** One rewritten call: the owner and method as compiled, whether the owner is an interface, and where. */
    public record Call(int id, String owner, String name, String desc, boolean isInterface, int site) {}

    private static final List<Call> CALLS = new ArrayList<>();

    public static synchronized int id(String owner, String name, String desc, boolean isInterface, int site) {
        for (Call c : CALLS) {
            if (c.site() == site && c.owner().equals(owner) && c.name().equals(name) && c.desc().equals(desc)) {
                return c.id();
            }
        }
        Call c = new Call(CALLS.size(), owner, name, desc, isInterface, site);
        CALLS.add(c);
        return c.id();
    }

    public static synchronized Call get(int id) {
        return CALLS.get(id);
    }
}
