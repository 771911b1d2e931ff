package dev.whylock.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the HTML reports in a real headless browser (Debian's chromium) and checks that the page
 * renders: a screenshot exists, is not blank, and shows the coloured verdict banner; that the page
 * fits {@link #WIDTH} pixels with no text overflowing its box; and that it stays small.
 */
class HtmlScreenshotIT {

    static final Path CHROMIUM = Path.of(System.getProperty("whylock.chromium", "/usr/bin/chromium"));
    /** The width the task lanes and every table must fit. */
    static final int WIDTH = 1400;
    /** A why report's page must stay under this many bytes. */
    static final long MAX_BYTES = 1_000_000;

    /** Appended to a page: records the page width and the boxes whose text overflows them on the body. */
    static final String PROBE = "<script>window.addEventListener('load',function(){var n=0;"
            + "document.querySelectorAll('.step,td,th,.lane-head,h1,h2,h3,p,li,summary').forEach(function(e){"
            + "if(e.scrollWidth>e.clientWidth+1)n++;});document.body.setAttribute('data-width',document.documentElement.scrollWidth);"
            + "document.body.setAttribute('data-overflowing',n);});</script>";

    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no chromium at " + CHROMIUM
                + ": skipping the headless-browser check of the HTML report (install it with"
                + " 'apt-get install chromium', or point -Dwhylock.chromium=PATH at one)");
    }

    @Test
    void runReportWithViolation_inHeadlessChromium_rendersVerdictBannerAndLanes(@TempDir Path dir) throws Exception {
        StringBuilder html = new StringBuilder();
        RunHtmlRenderer.render(Runs.lostUpdateWithoutLock(), html);
        BufferedImage img = screenshot(html.toString(), dir, "run");
        assertEquals(WIDTH, img.getWidth());
        assertTrue(share(img, HtmlScreenshotIT::nonWhite) > 0.05, "the page looks blank");
        // The violation banner is #b3261e; it must be drawn near the top of the page.
        assertTrue(count(img, 0, 120, HtmlScreenshotIT::bannerRed) > 10_000, "no red verdict banner at the top");
    }

    @Test
    void runReportWithoutViolation_inHeadlessChromium_rendersGreenBanner(@TempDir Path dir) throws Exception {
        StringBuilder html = new StringBuilder();
        RunHtmlRenderer.render(Runs.lostUpdate(), html);
        BufferedImage img = screenshot(html.toString(), dir, "run-ok");
        assertTrue(count(img, 0, 120, HtmlScreenshotIT::bannerGreen) > 10_000, "no green verdict banner at the top");
    }

    @Test
    void whyReport_inHeadlessChromium_rendersVerdictBannerAndCounterexampleLanes(@TempDir Path dir) throws Exception {
        StringBuilder html = new StringBuilder();
        WhyHtmlRenderer.render(Inquiries.devLock(), html);
        BufferedImage img = screenshot(html.toString(), dir, "why");
        assertTrue(share(img, HtmlScreenshotIT::nonWhite) > 0.05, "the page looks blank");
        assertTrue(count(img, 0, 120, HtmlScreenshotIT::bannerRed) > 10_000, "no red NECESSARY banner at the top");
    }

    @Test
    void whyReport_inHeadlessChromium_fitsTheWidthWithoutOverflowAndStaysSmall(@TempDir Path dir) throws Exception {
        StringBuilder html = new StringBuilder();
        WhyHtmlRenderer.render(Inquiries.devLockRun(), html);
        assertTrue(html.length() < MAX_BYTES, html.length() + " bytes");
        int[] layout = layout(html.toString(), dir, "why-layout");
        assertTrue(layout[0] <= WIDTH, "the page is " + layout[0] + " px wide");
        assertEquals(0, layout[1], "boxes whose text overflows them");
    }

    @Test
    void runReport_inHeadlessChromium_fitsTheWidthWithoutOverflow(@TempDir Path dir) throws Exception {
        StringBuilder html = new StringBuilder();
        RunHtmlRenderer.render(Runs.longSetup(), html);
        int[] layout = layout(html.toString(), dir, "run-layout");
        assertTrue(layout[0] <= WIDTH, "the page is " + layout[0] + " px wide");
        assertEquals(0, layout[1], "boxes whose text overflows them");
    }

    @Test
    void guardedBySection_inHeadlessChromium_fitsTheWidthWithoutOverflow(@TempDir Path dir) throws Exception {
        StringBuilder html = new StringBuilder();
        WhyHtmlRenderer.render(WhyRun.of("java", Inquiries.notNeeded()).withGuardedBy(Guards.everyKind()), html);
        assertTrue(html.indexOf("<h2>8. @GuardedBy (Java)</h2>") > 0);
        int[] layout = layout(html.toString(), dir, "guarded-by-layout");
        assertTrue(layout[0] <= WIDTH, "the page is " + layout[0] + " px wide");
        assertEquals(0, layout[1], "boxes whose text overflows them");
    }

    @Test
    void tooWidePage_inHeadlessChromium_failsTheWidthCheck(@TempDir Path dir) throws Exception {
        // The layout check must be able to fail.
        int[] layout = layout("<!DOCTYPE html><html><body><div style=\"width:3000px\">wide</div>"
                + "<p style=\"width:50px;white-space:nowrap;overflow:hidden\">a line much longer than its box</p></body></html>", dir, "wide");
        assertTrue(layout[0] > WIDTH);
        assertEquals(1, layout[1]);
    }

    /** Loads {@code html} with {@link #PROBE} in chromium at {@link #WIDTH} px and returns {page width, overflowing boxes}. */
    static int[] layout(String html, Path dir, String name) throws IOException, InterruptedException {
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, html.replace("</body>", PROBE + "</body>"), StandardCharsets.UTF_8);
        Path profile = Files.createDirectory(dir.resolve(name + "-profile"));
        Path dom = dir.resolve(name + ".dom");
        Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=" + WIDTH + ",2000", "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString()))
                .redirectError(dir.resolve(name + ".log").toFile()).redirectOutput(dom.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-width=\"(\\d+)\" data-overflowing=\"(\\d+)\"")
                .matcher(Files.readString(dom));
        assertTrue(m.find(), "the probe did not run: " + Files.readString(dir.resolve(name + ".log")));
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Test
    void blankPage_inHeadlessChromium_failsTheChecks(@TempDir Path dir) throws Exception {
        // The checks above must be able to fail: a page without content has neither ink nor banner.
        BufferedImage img = screenshot("<!DOCTYPE html><html><body style=\"background:#fff\"></body></html>", dir, "blank", 0);
        assertTrue(share(img, HtmlScreenshotIT::nonWhite) < 0.01, "a blank page should look blank");
        assertEquals(0, count(img, 0, 120, HtmlScreenshotIT::bannerRed));
    }

    /** Writes {@code html} to a file, screenshots it with chromium and returns the image. */
    static BufferedImage screenshot(String html, Path dir, String name) throws IOException, InterruptedException {
        return screenshot(html, dir, name, 20_000);
    }

    static BufferedImage screenshot(String html, Path dir, String name, long minBytes) throws IOException, InterruptedException {
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path png = dir.resolve(name + ".png");
        Path profile = Files.createDirectory(dir.resolve(name + "-profile"));
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=" + WIDTH + ",2000",
                page.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + Files.readString(dir.resolve(name + ".log")));
        }
        assertTrue(Files.exists(png), "chromium wrote no screenshot (exit " + p.exitValue() + "): " + Files.readString(dir.resolve(name + ".log")));
        assertTrue(Files.size(png) > minBytes, "screenshot is only " + Files.size(png) + " bytes");
        Path keep = Path.of(System.getProperty("whylock.screenshot.dir", "target/screenshots"));
        Files.createDirectories(keep);
        Files.copy(png, keep.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return ImageIO.read(png.toFile());
    }

    interface Pixel {
        boolean test(int r, int g, int b);
    }

    static boolean nonWhite(int r, int g, int b) {
        return r < 235 || g < 235 || b < 235;
    }

    static boolean bannerRed(int r, int g, int b) {
        return Math.abs(r - 0xb3) < 12 && Math.abs(g - 0x26) < 12 && Math.abs(b - 0x1e) < 12;
    }

    static boolean bannerGreen(int r, int g, int b) {
        return Math.abs(r - 0x1e) < 12 && Math.abs(g - 0x7a) < 12 && Math.abs(b - 0x3c) < 12;
    }

    static double share(BufferedImage img, Pixel p) {
        return (double) count(img, 0, img.getHeight(), p) / ((long) img.getWidth() * img.getHeight());
    }

    static long count(BufferedImage img, int fromY, int toY, Pixel p) {
        long n = 0;
        for (int y = fromY; y < Math.min(toY, img.getHeight()); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (p.test((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
