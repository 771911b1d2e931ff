package dev.whylock.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --suggest-annotations FILE.patch} and {@code --source-path PATH}: the @GuardedBy patch of a Java program. */
final class GuardOptions {

    @Option(names = "--suggest-annotations", paramLabel = "FILE.patch",
            description = "With --java: write the suggested @GuardedBy annotations as a unified diff of the sources (apply with "
                    + "'git apply FILE.patch'). The annotation is the one the class already imports (javax.annotation.concurrent, "
                    + "JCIP or Error Prone), else Error Prone's, with its import.")
    String patch;

    @Option(names = "--source-path", paramLabel = "PATH",
            description = "With --java: where the sources are, separated by ':' (default: next to the classes, or src/main/java "
                    + "beside target/classes).")
    String sourcePath;

    /** Rejects the options without {@code --java}. */
    void check(String command, boolean java) {
        if (!java && (patch != null || sourcePath != null)) {
            throw new UsageException(command + ": " + (patch != null ? "--suggest-annotations" : "--source-path")
                    + " applies to a Java program; name it with --java CLASS --class-path PATH");
        }
    }

    List<Path> sourceRoots() {
        return sourcePath == null ? List.of() : Arrays.stream(sourcePath.split(File.pathSeparator)).filter(s -> !s.isEmpty())
                .map(Path::of).toList();
    }
}
