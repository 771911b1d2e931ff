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
 * renders: a screenshot exists, is not blank, and shows the coloured verdict banner.
 */
class HtmlScreenshotIT {

    static final Path CHROMIUM = Path.of(System.getProperty("whylock.chromium", "/usr/bin/chromium"));

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
        assertEquals(1280, img.getWidth());
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
                "--disable-sync", "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1280,2000",
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
