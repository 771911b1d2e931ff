package dev.whylock.jvm.instrument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every place in rewritten code that performs a visible operation, numbered once per JVM so that
 * the rewritten bytecode carries an int and reports a {@code Class.method:LINE}.
 */
public final class Sites {
    private Sites() {}

    /** One site: the class (internal name), the method and the source line (0 when the class has no line numbers). */
    public record Site(String owner, String method, int line) {

        /** {@code Transfers.move:14}, as traces and experiments name it. */
        public String display() {
            return JavaNames.simple(owner) + "." + method + (line > 0 ? ":" + line : "");
        }

        /** {@code Transfers.move}, the method part of {@link #display()}. */
        public String function() {
            return JavaNames.simple(owner) + "." + method;
        }
    }

    private static final List<Site> SITES = new ArrayList<>();
    private static final List<String> DISPLAY = new ArrayList<>();
    private static final Map<Site, Integer> IDS = new HashMap<>();

    /** The id of a site, registering it on first use. */
    public static synchronized int id(String owner, String method, int line) {
        Site s = new Site(owner, method, line);
        Integer id = IDS.get(s);
        if (id == null) {
            id = SITES.size();
            SITES.add(s);
            DISPLAY.add(s.display());
            IDS.put(s, id);
        }
        return id;
    }

    public static synchronized Site get(int id) {
        return SITES.get(id);
    }

    /** {@code Class.method:LINE} of site {@code id}. */
    public static synchronized String display(int id) {
        return DISPLAY.get(id);
    }
}
