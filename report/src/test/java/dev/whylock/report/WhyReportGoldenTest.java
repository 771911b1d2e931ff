package dev.whylock.report;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the text, JSON and HTML of why reports from lock inquiries the engine runs on small programs. */
class WhyReportGoldenTest {

    static Stream<Arguments> inquiries() {
        return Stream.of(
                Arguments.of("dev-lock", (Supplier<WhyRun>) Inquiries::devLockRun),
                Arguments.of("self-deadlock", (Supplier<WhyRun>) Inquiries::selfDeadlock),
                Arguments.of("not-needed", (Supplier<WhyRun>) () -> WhyRun.of(null, Inquiries.notNeeded())),
                Arguments.of("guarded-by", (Supplier<WhyRun>) () -> WhyRun.of("java", Inquiries.notNeeded()).withGuardedBy(Guards.everyKind())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inquiries")
    void whyReport_text_matchesGolden(String name, Supplier<WhyRun> why) throws IOException {
        StringBuilder b = new StringBuilder();
        WhyTextRenderer.render(why.get(), b);
        Golden.check("why-" + name + ".txt", b.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inquiries")
    void whyReport_shortText_matchesGolden(String name, Supplier<WhyRun> why) throws IOException {
        StringBuilder b = new StringBuilder();
        WhyAnswer.render(why.get(), b);
        Golden.check("why-" + name + "-short.txt", b.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inquiries")
    void whyReport_json_matchesGolden(String name, Supplier<WhyRun> why) throws IOException {
        Golden.check("why-" + name + ".json", WhyJson.text(why.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inquiries")
    void whyReport_html_matchesGolden(String name, Supplier<WhyRun> why) throws IOException {
        StringBuilder b = new StringBuilder();
        WhyHtmlRenderer.render(why.get(), b);
        Golden.check("why-" + name + ".html", b.toString());
    }
}
