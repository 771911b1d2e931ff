package dev.whylock.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What every member of a cluster must share: the whylock version and a hash of the code that
 * builds and runs programs (the engine and the model: the contents of their class files and
 * resources, not the jars' time stamps, so two builds of the same source agree).
 */
public final class Fingerprints {
    private Fingerprints() {}

    /** {@code VERSION/HASH}: the version and a hash over the code sources of {@code code}'s classes. */
    public static String of(String version, Class<?>... code) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> sources = new ArrayList<>();
        for (Class<?> c : code) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!sources.contains(p)) {
                    sources.add(p);
                }
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot find where " + c.getName() + " was loaded from", e);
            }
        }
        for (Path p : sources) {
            TreeMap<String, byte[]> entries = Files.isDirectory(p) ? directory(p) : jar(p);
            entries.forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(bytes);
            });
        }
        return version + "/" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    /** For messages: "whylock 0.1.0 (model 1234abcd...)". */
    public static String describe(String fingerprint) {
        if (fingerprint == null) {
            return "no whylock (a Hazelcast member without a whylock fingerprint)";
        }
        int slash = fingerprint.lastIndexOf('/');
        return slash < 0 ? "whylock " + fingerprint
                : "whylock " + fingerprint.substring(0, slash) + " (code fingerprint " + fingerprint.substring(slash + 1) + ")";
    }

    private static TreeMap<String, byte[]> directory(Path root) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static TreeMap<String, byte[]> jar(Path file) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (JarFile jar = new JarFile(file.toFile())) {
            for (Enumeration<JarEntry> en = jar.entries(); en.hasMoreElements();) {
                JarEntry e = en.nextElement();
                if (e.isDirectory() || e.getName().startsWith("META-INF/maven/") || e.getName().equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
