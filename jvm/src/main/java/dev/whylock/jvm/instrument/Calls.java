package dev.whylock.jvm.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Calls the rewriter turned into atomic operations ({@link Redirects.Kind#ATOMIC}), numbered once per JVM. */
public final class Calls {
    private Calls() {}

    /** One rewritten call: the owner and method as compiled, whether the owner is an interface, and where. */
    public record Call(int id, String owner, String name, String desc, boolean isInterface, int site) {}

    private static final List<Call> CALLS = new ArrayList<>();
    private static final Map<String, Integer> IDS = new HashMap<>();

    public static synchronized int id(String owner, String name, String desc, boolean isInterface, int site) {
        return IDS.computeIfAbsent(site + " " + owner + "." + name + desc, k -> {
            CALLS.add(new Call(CALLS.size(), owner, name, desc, isInterface, site));
            return CALLS.size() - 1;
        });
    }

    public static synchronized Call get(int id) {
        return CALLS.get(id);
    }
}
