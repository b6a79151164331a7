package org.atrium.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * DESIGN's portal target in a real browser (Debian's headless Chromium and chromedriver, as the browser
 * tests use): a first load with an empty cache, from navigation to the sign-in view standing, and what
 * it transferred; then, signed in, a reload to the catalog with its data. The portal marks each rendered
 * view ({@code performance.mark('atrium-view')} in app.js), so the time is the page's own clock, not
 * the driver's polling.
 */
final class PortalTiming {
    private static final String BROWSER = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
    private static final String FIRST_VIEW_MS = "const m = performance.getEntriesByName('atrium-view');"
            + " return m.length ? [m[0].startTime, m[0].detail] : null;";
    private static final String TRANSFERRED = "const n = performance.getEntriesByType('navigation')[0];"
            + " return performance.getEntriesByType('resource').reduce((sum, r) => sum + r.transferSize, n ? n.transferSize : 0);";

    /** One browser's rounds: cold first load to the sign-in view and its bytes, then a signed-in reload to the catalog. */
    record Round(double firstLoadMs, long firstLoadBytes, double signedInReloadMs, long signedInReloadBytes) {
    }

    static boolean available() {
        return Files.isExecutable(Path.of(BROWSER)) && Files.isExecutable(Path.of(DRIVER));
    }

    /** {@code rounds} fresh browsers (empty profile and cache each). */
    static List<Round> measure(int httpPort, int rounds) throws Exception {
        String portal = "http://127.0.0.1:" + httpPort + "/portal/";
        List<Round> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Path profile = Files.createTempDirectory("atrium-bench-chromium-");
            ChromeDriver driver = start(profile);
            try {
                driver.get(portal);
                List<?> first = waitForView(driver, "sign-in");
                long firstBytes = ((Number) driver.executeScript(TRANSFERRED)).longValue();
                driver.findElement(By.cssSelector("#view-sign-in input[name='login']")).sendKeys("anna");
                driver.findElement(By.cssSelector("#view-sign-in input[name='password']")).sendKeys("anna");
                driver.findElement(By.cssSelector("#view-sign-in button[type='submit']")).click();
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("view-catalog")).isEmpty());
                driver.get(portal + "#/catalog");
                driver.navigate().refresh();
                List<?> reload = waitForView(driver, "catalog");
                long reloadBytes = ((Number) driver.executeScript(TRANSFERRED)).longValue();
                results.add(new Round(((Number) first.get(0)).doubleValue(), firstBytes, ((Number) reload.get(0)).doubleValue(), reloadBytes));
            } finally {
                driver.quit();
                Karaf.deleteTree(profile);
            }
        }
        return results;
    }

    private static List<?> waitForView(ChromeDriver driver, String view) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage("the portal's " + view + " view").until(d -> {
            Object mark = driver.executeScript(FIRST_VIEW_MS);
            return mark instanceof List<?> list && view.equals(list.get(1)) ? list : null;
        });
    }

    private static ChromeDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--disable-extensions", "--disable-default-apps", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--lang=de", "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().withSilent(true).build();
        return new ChromeDriver(service, options);
    }
}
