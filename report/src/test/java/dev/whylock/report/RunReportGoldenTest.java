package dev.whylock.report;

import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

/** Pins the text, JSON and HTML of run reports built by exploring small programs. */
class RunReportGoldenTest {

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("lost-update-without-lock", (Supplier<RunReport>) Runs::lostUpdateWithoutLock),
                Arguments.of("lost-update", (Supplier<RunReport>) Runs::lostUpdate),
                Arguments.of("ab-ba", (Supplier<RunReport>) Runs::abba),
                Arguments.of("long-setup", (Supplier<RunReport>) Runs::longSetup),
                Arguments.of("data-race", (Supplier<RunReport>) Runs::dataRace),
                Arguments.of("timed-window", (Supplier<RunReport>) Runs::timedWindow),
                Arguments.of("guarded-by", (Supplier<RunReport>) () -> Runs.dataRace().withGuardedBy(Guards.everyKind())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void runReport_text_matchesGolden(String name, Supplier<RunReport> run) throws IOException {
        StringBuilder b = new StringBuilder();
        RunTextRenderer.render(run.get(), b);
        Golden.check("run-" + name + ".txt", b.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void runReport_json_matchesGolden(String name, Supplier<RunReport> run) throws IOException {
        Golden.check("run-" + name + ".json", RunJson.text(run.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void runReport_html_matchesGolden(String name, Supplier<RunReport> run) throws IOException {
        StringBuilder b = new StringBuilder();
        RunHtmlRenderer.render(run.get(), b);
        Golden.check("run-" + name + ".html", b.toString());
    }
}
