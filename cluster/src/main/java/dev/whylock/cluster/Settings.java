package dev.whylock.cluster;

import java.util.function.BiConsumer;

/** Hazelcast properties every whylock member and coordinator sets. */
final class Settings {
    private Settings() {}

    /** No phone-home (Hazelcast's usage report to its vendor), no logging to the terminal. */
    static void quiet(BiConsumer<String, String> property) {
        // Also for what Hazelcast logs before it reads a configuration (its check of the JVM's flags).
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "none");
        }
        property.accept("hazelcast.phone.home.enabled", "false");
        property.accept("hazelcast.logging.type", "none");
        property.accept("hazelcast.shutdownhook.enabled", "false");
    }
}
