package dev.whylock.cli;

import dev.whylock.jvm.JavaTarget;
import picocli.CommandLine.Option;

/** {@code --java CLASS[#METHOD] --class-path PATH}: a compiled Java program instead of a scenario. */
final class JavaOptions {

    @Option(names = "--java", paramLabel = "CLASS[#METHOD]",
            description = "Run a compiled Java program instead of a scenario: CLASS's main(String[]), or METHOD (a static "
                    + "method without arguments, or an instance method without arguments of a class with a no-argument "
                    + "constructor, such as a test method). Its classes are rewritten as they load; its threads, locks and "
                    + "fields become whylock's tasks, locks and fields.")
    String java;

    @Option(names = "--class-path", paramLabel = "PATH",
            description = "With --java: the directories and jars with the compiled classes, separated by ':' (';' on Windows).")
    String classPath;

    @Option(names = "--spurious-wakeups", paramLabel = "N",
            description = "With --java: let each thread wake up spuriously (without a notify or signal) from an untimed "
                    + "Object.wait or Condition.await up to N times per execution, as the JVM allows (default 0: never). "
                    + "Finds waits guarded by 'if' instead of 'while'; the search is then bounded, not exhaustive.")
    Integer spuriousWakeups;

    boolean given() {
        return java != null;
    }

    /** The program named, checked (the class and method exist); a {@link UsageException} otherwise. */
    JavaTarget target() {
        return JavaSubject.target(java, classPath, spuriousWakeups == null ? 0 : spuriousWakeups);
    }

    /** Rejects {@code --class-path} without {@code --java}, and a scenario together with {@code --java}. */
    void checkExclusive(String command, boolean scenarioGiven) {
        if (java != null && scenarioGiven) {
            throw new UsageException(command + ": --scenario and --java both name what to run; give one of them");
        }
        if (java == null && classPath != null) {
            throw new UsageException(command + ": --class-path applies to --java CLASS; name the class to run with --java");
        }
        if (java == null && spuriousWakeups != null) {
            throw new UsageException(command + ": --spurious-wakeups applies to --java CLASS; name the class to run with --java");
        }
    }
}
