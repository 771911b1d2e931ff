package dev.whylock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes output files so that a reader never sees half a file: the text goes to a temporary file in
 * the same directory, which then replaces the target with an atomic move.
 */
final class AtomicFile {
    private AtomicFile() {}

    /**
     * Writes {@code text} to {@code target} atomically, creating its directory when missing. A
     * failure names {@code target}, never the temporary file: that one is whylock's business.
     */
    static void write(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        String prefix = "." + abs.getFileName() + ".";
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, prefix, ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // createTempFile makes the file private; results are meant to be shared.
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // The temporary name is random (".out.json.123456.tmp"): say the target instead.
            String reason = ScenarioResolver.reason(e).replaceAll(Pattern.quote(dir.resolve(prefix).toString()) + "[0-9]*\\.tmp",
                    Matcher.quoteReplacement(abs.toString()));
            throw new IOException(reason, e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Fails early, before a long search, when {@code target} cannot be written: it is a directory,
     * or its directory exists and is not writable.
     */
    static void checkWritable(Path target, String flag) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            throw new UsageException(flag + " " + target + ": is a directory; expected a file name");
        }
        Path dir = abs.getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new UsageException(flag + " " + target + ": cannot create a file there (" + (dir == null ? abs : dir)
                    + " is not a writable directory)");
        }
    }
}
