package dev.whylock.cli;

import dev.whylock.engine.result.ReplayFile;
import dev.whylock.linux.model.Models;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The whylock version (from the build) for {@code --version}, reports and replay files. */
final class Version implements CommandLine.IVersionProvider {

    static final String VERSION = load();

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "whylock " + VERSION,
            "models: " + String.join(", ", Models.names()) + " (default " + Models.DEFAULT + ")",
            "replay file format " + ReplayFile.VERSION,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
