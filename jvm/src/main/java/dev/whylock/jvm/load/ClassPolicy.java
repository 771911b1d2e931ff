package dev.whylock.jvm.load;

import java.util.List;

/**
 * Which classes an execution's loader rewrites and which it shares with the JVM: the JDK, whylock
 * itself and the test frameworks are shared (loaded once, never rewritten); everything else on the
 * program's class path is the application, rewritten and loaded afresh for every execution.
 */
public final class ClassPolicy {
    private ClassPolicy() {}

    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.", "org.ietf.");

    private static final List<String> SHARED = List.of("dev.whylock.engine.", "dev.whylock.jvm.", "dev.whylock.report.",
            "dev.whylock.cli.", "dev.whylock.junit.", "org.junit.", "org.opentest4j.", "org.apiguardian.", "junit.",
            "org.objectweb.asm.", "picocli.", "com.fasterxml.jackson.", "me.tongfei.", "org.jline.", "org.assertj.",
            "org.hamcrest.", "org.apache.maven.surefire.");

    /** Whether a binary class name belongs to the JDK (loaded by the platform's loaders). */
    public static boolean jdk(String binaryName) {
        return JDK.stream().anyMatch(binaryName::startsWith);
    }

    /** Whether a binary class name is whylock's own or a test framework's: shared, never rewritten. */
    public static boolean shared(String binaryName) {
        return SHARED.stream().anyMatch(binaryName::startsWith);
    }
}
