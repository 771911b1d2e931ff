package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.whylock.engine.search.Ticker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's commands and flags exist: every {@code whylock ...} line parses with the real command line. */
class ReadmeTest {

    static final Path README = Path.of("..", "README.md");
    private static final Pattern INLINE = Pattern.compile("`(?:\\./)?whylock ([^`]*)`");
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[|\\.\\.\\.|\\b[A-Z]{1,}\\b|\\|");

    static CommandLine commandLine() {
        Io io = new Io(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), null, Path.of("").toAbsolutePath(),
                false, Ticker.FROZEN, Cancellation.manual(), 0);
        return Main.commandLine(io);
    }

    /** Splits a command line as a POSIX shell would for simple cases: words, single and double quotes. */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(w.toString());
        }
        return out;
    }

    private static void assertParses(String source, List<String> args) {
        try {
            commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            fail("README " + source + ": 'whylock " + String.join(" ", args) + "' does not parse: " + e.getMessage());
        }
    }

    @Test
    void readme_everyConsoleCommand_parsesWithTheRealCommandLine() throws IOException {
        int found = 0;
        boolean inBlock = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                continue;
            }
            String cmd = line.startsWith("$ ./whylock") ? line.substring(11) : line.startsWith("./whylock") ? line.substring(9) : null;
            // A shell redirection of stderr (progress lines) is not an argument of whylock.
            cmd = cmd == null ? null : cmd.replace(" 2>/dev/null", "");
            if (inBlock && cmd != null) {
                assertParses("console line '" + line + "'", words(cmd));
                found++;
            }
        }
        assertTrue(found >= 6, "the walkthrough shows at least six commands, found " + found);
    }

    @Test
    void readme_everyInlineCommandWithoutPlaceholders_parses() throws IOException {
        Matcher m = INLINE.matcher(Files.readString(README));
        int found = 0;
        while (m.find()) {
            if (!PLACEHOLDER.matcher(m.group(1)).find()) {
                assertParses("inline `" + m.group() + "`", words(m.group(1)));
                found++;
            }
        }
        assertTrue(found >= 2, "inline commands found: " + found);
    }

    @Test
    void readme_synopsisFlags_existOnTheirCommands() throws IOException {
        CommandLine cl = commandLine();
        String sub = null;
        int flags = 0;
        boolean inBlock = false;
        for (String line : Files.readAllLines(README)) {
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                sub = null;
                continue;
            }
            if (!inBlock) {
                continue;
            }
            List<String> w = words(line);
            if (line.startsWith("whylock ") && w.size() > 1) {
                sub = cl.getSubcommands().containsKey(w.get(1)) ? w.get(1) : null;
            } else if (line.startsWith("common:")) {
                sub = "explore";
            } else if (!line.startsWith(" ")) {
                sub = null;
            }
            if (sub == null) {
                continue;
            }
            Matcher m = FLAG.matcher(line);
            while (m.find()) {
                CommandLine c = cl.getSubcommands().get(sub);
                assertNotNull(c.getCommandSpec().findOption(m.group()), "README synopsis: 'whylock " + sub + "' has no " + m.group());
                flags++;
            }
        }
        assertTrue(flags >= 15, "synopsis flags checked: " + flags);
    }
}
