package dev.whylock.linux.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps the site table of {@link Sites} equal to the acquisition sites written in the model sources. */
class SitesTest {

    private static final Pattern VAR = Pattern.compile("String (\\w+) = \"([^\"]+)\";");
    private static final Pattern LOCK_VAR = Pattern.compile("\\.(?:lock|tryLock)\\((\\w+)\\)|rtnlLock\\((\\w+)\\)");
    private static final Pattern LOCK = Pattern.compile("\\.(?:lock|tryLock)\\(\"([^\"]+)\"\\)|rtnlLock\\(\"([^\"]+)\"\\)|putMutex\\([^;]*?\"([^\"]+)\"\\)"
            // Locks that only a model option takes go through one helper per file (sfp-bus.c, dpaa2-eth.c).
            + "|(?:sfpBusLock|macLock|registrationLock)\\(\\w+, \"([^\"]+)\"\\)");

    @Test
    void table_functions_matchSources() throws IOException {
        Set<String> inSources = new TreeSet<>();
        Path root = Path.of("src/main/java/dev/whylock/linux");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/model/")).toList()) {
                String text = Files.readString(f);
                Matcher m = LOCK.matcher(text);
                while (m.find()) {
                    inSources.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4));
                }
                // Sites passed through a local constant, e.g. final String f = "sfp_check_state".
                java.util.Map<String, String> vars = new java.util.HashMap<>();
                Matcher v = VAR.matcher(text);
                while (v.find()) {
                    vars.put(v.group(1), v.group(2));
                }
                Matcher lv = LOCK_VAR.matcher(text);
                while (lv.find()) {
                    String var = lv.group(1) != null ? lv.group(1) : lv.group(2);
                    if (vars.containsKey(var)) {
                        inSources.add(vars.get(var));
                    }
                }
            }
        }
        Set<String> inTable = new TreeSet<>();
        Sites.TABLE.forEach(s -> inTable.add(s.function()));
        // The rtnl_lock scenario op takes rtnl in model/Ops.java, which the scan skips.
        inSources.add("rtnl_lock");
        assertEquals(inSources, inTable);
    }
}
