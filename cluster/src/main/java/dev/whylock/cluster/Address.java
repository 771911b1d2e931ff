package dev.whylock.cluster;

import java.util.Locale;

/**
 * Where a cluster is: {@code HOST:PORT} of a running member, or {@code local:N} for N members
 * started in this JVM for the run.
 */
public record Address(String host, int port, int localMembers) {

    /** The most members {@code local:N} starts: they share this machine's cores. */
    public static final int MAX_LOCAL = 64;

    public boolean local() {
        return localMembers > 0;
    }

    /** Parses {@code HOST:PORT} or {@code local:N}; an IllegalArgumentException says what is wrong. */
    public static Address parse(String text) {
        String t = text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("'" + text + "': expected HOST:PORT of a running 'whylock worker' (e.g. 10.0.0.5:5701) "
                    + "or local:N (N members in this JVM, e.g. local:3)");
        }
        String head = t.substring(0, colon);
        String tail = t.substring(colon + 1);
        int n;
        try {
            n = Integer.parseInt(tail);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': " + (head.toLowerCase(Locale.ROOT).equals("local")
                    ? "N in local:N must be a number of members, e.g. local:3" : "the port must be a number, e.g. " + head + ":5701"));
        }
        if (head.toLowerCase(Locale.ROOT).equals("local")) {
            if (n < 1 || n > MAX_LOCAL) {
                throw new IllegalArgumentException("'" + text + "': local:N takes 1 to " + MAX_LOCAL + " members");
            }
            return new Address(null, 0, n);
        }
        if (n < 1 || n > 65_535) {
            throw new IllegalArgumentException("'" + text + "': the port must be from 1 to 65535");
        }
        if (head.startsWith("[") && head.endsWith("]")) {
            head = head.substring(1, head.length() - 1);
        }
        return new Address(head, n, 0);
    }

    @Override
    public String toString() {
        return local() ? "local:" + localMembers : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
