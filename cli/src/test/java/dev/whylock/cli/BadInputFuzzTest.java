package dev.whylock.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated bad input (issue 11): 600 scenario files with one mistake each and command lines with
 * at least one bad flag, from a fixed seed. Every one exits 2 with a message and no stack trace,
 * and leaves no file behind: no JSON, HTML, trace, replay or temporary file.
 */
class BadInputFuzzTest {

    static final long SEED = 11;
    static final int CASES = 600;

    @TempDir
    Path dir;

    static Stream<MalformedInputs.Case> cases() {
        return new MalformedInputs(SEED).cases(CASES).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInput_anyKind_exits2WithAMessageAndWritesNothing(MalformedInputs.Case c) throws IOException {
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        Cli.Result r = Cli.run(dir, c.args().toArray(String[]::new));
        List<String> left;
        try (Stream<Path> files = Files.list(dir)) {
            left = files.map(p -> p.getFileName().toString()).filter(n -> !c.files().containsKey(n)).sorted().toList();
        }
        assertAll(c + "\n" + r,
                () -> assertEquals(ExitCode.USAGE, r.code(), "exit code"),
                () -> assertFalse(r.err().isBlank(), "a message on stderr"),
                () -> assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace or exception name"),
                () -> assertFalse(r.err().contains(".tmp"), "no temporary file name"),
                () -> assertEquals("", r.out(), "nothing on stdout"),
                () -> assertEquals(List.of(), left, "no file left behind"));
    }
}
