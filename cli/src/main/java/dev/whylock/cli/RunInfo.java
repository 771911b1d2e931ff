package dev.whylock.cli;

import dev.whylock.engine.LockExperiment;
import dev.whylock.engine.exec.RunConfig;
import java.util.List;

/**
 * What was run, as reports and replay files name it.
 *
 * @param subject what runs: a loaded scenario and its model, or a Java program
 * @param experiments the lock experiments
 * @param timing the timing mode
 * @param strategy the strategy as given on the command line
 */
record RunInfo(Subject subject, List<LockExperiment> experiments, RunConfig.Timing timing, String strategy) {

    RunInfo {
        experiments = List.copyOf(experiments);
    }

    String modelName() {
        return subject.modelName();
    }

    String scenarioName() {
        return subject.scenarioName();
    }

    /** The replacement locks of the experiments that the model does not have: new lock classes. */
    List<String> newLockClasses() {
        return experiments.stream().map(LockExperiment::replacement)
                .filter(l -> l != null && subject.isNewLock(l)).distinct().toList();
    }

    /** The run configuration every execution of this run uses. */
    RunConfig runConfig() {
        return RunConfig.defaults().withTiming(timing).withExperiments(experiments);
    }

    /**
     * For file names: the scenario and the experiments, in ASCII letters, digits, '.', '_' and '-'
     * (what every file system and locale accepts). When that loses more than the usual punctuation
     * of a lock experiment (a name in another script, spaces, a name too long), a short hash of the
     * whole name keeps the file names of different runs apart.
     */
    String slug() {
        StringBuilder b = new StringBuilder(scenarioName());
        for (LockExperiment e : experiments) {
            b.append('.').append(e.kind() == LockExperiment.Kind.REMOVE ? "remove-" : "replace-").append(e.spec());
        }
        String full = b.toString();
        String s = full.replace("->", "_").replaceAll("[^A-Za-z0-9._-]+", "_");
        if (s.length() <= 120 && full.matches("[A-Za-z0-9._@,=>-]*")) {
            return s;
        }
        return (s.length() > 111 ? s.substring(0, 111) : s) + "-" + hash(full);
    }

    /** Eight hex digits of the SHA-256 of {@code text}'s UTF-8 bytes: the same on every machine. */
    private static String hash(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
