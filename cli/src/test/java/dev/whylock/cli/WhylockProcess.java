package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged whylock run as a real process in {@code dir}, its stdout and stderr captured to files there. */
final class WhylockProcess {
    private final Path dir;
    private final Process process;
    private final long startNanos;

    private WhylockProcess(Path dir, Process process, long startNanos) {
        this.dir = dir;
        this.process = process;
        this.startNanos = startNanos;
    }

    /** Starts {@code whylock args...} from the jar integration tests run against (after package). */
    /**
     * A wall-clock allowance for a promptness check: {@code millis} when the machine has a core for
     * every runnable thread, scaled by the load average per core when it is busier (other builds on
     * a shared 2-core host slow the process under test as much as anything it does).
     */
    static long allowance(long millis) {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        return load > cores ? Math.round(millis * load / cores) : millis;
    }

    /** The machine's load, for the message of a promptness check. */
    static String load() {
        return String.format(java.util.Locale.ROOT, "load average %.1f on %d cores",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    static WhylockProcess start(Path dir, String... args) throws IOException {
        Path jar = Path.of("target", "whylock.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "the packaged jar (integration tests run after package)");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED", "-Xss4m", "-jar",
                jar.toString()));
        cmd.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        return new WhylockProcess(dir, p, start);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGINT, as Ctrl-C does. */
    void interrupt() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
    }

    /** Waits up to {@code seconds} for the process to end; returns its exit code. */
    int waitFor(long seconds) throws InterruptedException {
        assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "the process ended within " + seconds + " s");
        return process.exitValue();
    }

    /** Milliseconds since the process was started. */
    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    String out() throws IOException {
        return Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
    }

    String err() throws IOException {
        return Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        try {
            return "--- stdout\n" + out() + "--- stderr\n" + err();
        } catch (IOException e) {
            return e.toString();
        }
    }
}
