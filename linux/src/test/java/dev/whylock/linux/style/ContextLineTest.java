package dev.whylock.linux.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Makes the {@code Context:} lines checkable (STYLE.md): a model method whose Javadoc says
 * {@code Context: takes LOCK} must acquire a lock at a site named after its own kernel function
 * (the function of its {@code Kernel:} line), and a method that acquires a lock at its own site
 * must say {@code takes} in its Context line.
 */
class ContextLineTest {

    /** The files of the core model (sfp.c has its own conventions and tests). */
    private static final List<String> FILES = List.of(
            "drivers/net/phy/SfpBus.java", "drivers/net/phy/Phylink.java", "drivers/net/phy/PhyDevice.java",
            "drivers/net/phy/Phy.java", "drivers/base/Dd.java", "drivers/i2c/I2cCore.java", "net/core/Dev.java",
            "net/ethtool/Ioctl.java", "net/ethtool/Netlink.java", "net/ethtool/Eeprom.java", "net/ethtool/Linkstate.java",
            "drivers/net/ethernet/MacDriver.java", "drivers/net/ethernet/freescale/dpaa2/Dpaa2Eth.java",
            "drivers/net/ethernet/freescale/dpaa2/Dpaa2Mac.java");

    private static final Pattern DOC = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@\\w+\\s*)*(?:public |static |private |final )*[\\w<>.\\[\\]]+ (\\w+)\\([^)]*\\)\\s*\\{",
            Pattern.DOTALL);
    private static final Pattern KERNEL = Pattern.compile("Kernel: \\S+ (\\w+)\\(\\)");
    private static final Pattern CONTEXT = Pattern.compile("Context: ([^\\n]*)");

    record Method(String name, String kernelFunction, String context, String body) {}

    static List<Method> methods(String src) {
        List<Method> out = new ArrayList<>();
        Matcher m = DOC.matcher(src);
        while (m.find()) {
            Matcher k = KERNEL.matcher(m.group(1));
            Matcher c = CONTEXT.matcher(m.group(1));
            if (!k.find() || !c.find()) {
                continue;
            }
            int depth = 1;
            int i = m.end();
            while (depth > 0 && i < src.length()) {
                char ch = src.charAt(i++);
                depth += ch == '{' ? 1 : ch == '}' ? -1 : 0;
            }
            out.add(new Method(m.group(2), k.group(1), c.group(1), src.substring(m.end(), i)));
        }
        return out;
    }

    /**
     * Whether a Context line says the method itself takes a lock: a clause (split at "; ") that
     * starts with "takes " and does not name where else it happens (" in ", " via ").
     */
    static boolean saysTakes(String context) {
        for (String clause : context.split("; ")) {
            String c = clause.strip();
            if (c.startsWith("takes ") && !c.contains(" in ") && !c.contains(" via ")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void contextLines_takesMatchesOwnAcquisitions() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String f : FILES) {
            String src = Files.readString(Path.of("src/main/java/dev/whylock/linux").resolve(f));
            for (Method m : methods(src)) {
                checked++;
                boolean says = saysTakes(m.context());
                // registrationLock(bus, "f"): sfp-bus.c's registration entry points take rtnl or, with the
                // 2021 proposal, bus->lock through one helper.
                boolean does = Pattern.compile("(\\.lock|\\.tryLock|rtnlLock)\\(\"" + m.kernelFunction() + "\"\\)"
                        + "|registrationLock\\(\\w+, \"" + m.kernelFunction() + "\"\\)")
                        .matcher(m.body()).find();
                if (says != does) {
                    problems.add(f + " " + m.name() + ": Context says '" + m.context() + "' but it "
                            + (does ? "takes" : "does not take") + " a lock at site " + m.kernelFunction());
                }
            }
        }
        assertTrue(checked > 60, "found " + checked + " documented model methods");
        assertEquals(List.of(), problems);
    }
}
