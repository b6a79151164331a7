package org.atrium.browser.harness;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver (never a downloaded one: Selenium
 * Manager is not asked because both paths are given). The flags keep Chromium off the network it
 * would otherwise flood (updates, sync, QUIC probes); every browser gets a fresh profile folder, so
 * no cookie or stored language leaks from one person to the next.
 */
public final class Chromium implements AutoCloseable {
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final String BROWSER = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A desktop-sized browser whose preferred language is {@code language} (de or en). */
    public static Chromium start(String language) {
        return start(language, DESKTOP);
    }

    /** A browser of the given window size; a phone size also emulates a phone's screen (touch, device pixels). */
    public static Chromium start(String language, Dimension size) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("atrium-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a Chromium profile folder", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
                "--user-data-dir=" + profile, "--lang=" + language, "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().withSilent(true).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Chromium chromium = new Chromium(driver, profile);
        chromium.window(size);
        return chromium;
    }

    /**
     * The page as a screen of {@code size} shows it: the desktop size as a window; a phone size as
     * Chromium's device emulation (a mobile viewport of that many CSS pixels, as DevTools does).
     */
    public void window(Dimension size) {
        if (size.equals(DESKTOP)) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.manage().window().setSize(size);
        } else {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width, "height", size.height,
                    "deviceScaleFactor", 1, "mobile", true));
        }
    }

    /** Whether the page is wider than the screen (a layout a phone must scroll sideways). */
    public boolean scrollsSideways() {
        Object wider = driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
        return Boolean.TRUE.equals(wider);
    }

    /** Fails with what to install when Debian's Chromium or its driver is missing. */
    public static void requireInstalled() {
        requireInstalled(BROWSER, "chromium");
        requireInstalled(DRIVER, "chromium-driver");
    }

    private static void requireInstalled(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            throw new IllegalStateException("No " + path + ": the browser tests need Debian's " + debianPackage
                    + " (apt-get install -y chromium chromium-driver, as .ci/run does), or -Dchromium.binary/-Dchromedriver.binary;"
                    + " skip them with -DskipTests");
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a profile folder left in /tmp is harmless
        }
    }
}
