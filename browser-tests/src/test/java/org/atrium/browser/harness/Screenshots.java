package org.atrium.browser.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * PNGs of the whole page (not only the visible part) under target/screenshots, named after the
 * view, the language and the window, e.g. {@code queue-de-desktop.png}. {@link #desktopAndPhone} is the one
 * way a flow shows a view on both screens: the same names, the same pause, the same checks everywhere.
 */
public final class Screenshots {
    private static final Path DIR = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private static final int MAX_HEIGHT = 4000;

    /** How long the layout takes to settle after a resize or a re-render (fonts, the view's data). */
    private static final long SETTLE_MILLIS = 300;

    private Screenshots() {
    }

    /**
     * {@code name-desktop.png} and {@code name-phone.png} of the page as it is, an axe-core check on both
     * screens, and on the phone that nothing scrolls sideways; fails naming every problem. Leaves the
     * browser at the desktop size.
     */
    public static void desktopAndPhone(Chromium browser, String name) {
        List<String> problems = desktopAndPhoneProblems(browser, name, Chromium.DESKTOP, Chromium.PHONE);
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }

    /**
     * As {@link #desktopAndPhone(Chromium, String)}, but returns the problems instead of failing (a tour
     * names them all at once), with the axe-core check only on the screens {@code axeOn} lists (it takes a
     * second or two a page).
     */
    public static List<String> desktopAndPhoneProblems(Chromium browser, String name, Dimension... axeOn) {
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(Chromium.DESKTOP, Chromium.PHONE)) {
            String device = size.equals(Chromium.PHONE) ? "phone" : "desktop";
            browser.window(size);
            settle();
            save(browser.driver(), name + "-" + device);
            if (size.equals(Chromium.PHONE) && browser.scrollsSideways()) {
                problems.add(name + " scrolls sideways on a phone");
            }
            if (List.of(axeOn).contains(size)) {
                problems.addAll(Axe.seriousViolations(browser.driver()).stream().map(v -> name + " (" + device + "): " + v).toList());
            }
        }
        browser.window(Chromium.DESKTOP);
        settle();
        return problems;
    }

    private static void settle() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static Path save(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(DIR);
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            @SuppressWarnings("unchecked")
            Map<String, Object> viewport = (Map<String, Object>) metrics.get("cssLayoutViewport");
            double width = ((Number) viewport.get("clientWidth")).doubleValue();
            double height = Math.min(MAX_HEIGHT, Math.max(((Number) content.get("height")).doubleValue(),
                    ((Number) viewport.get("clientHeight")).doubleValue()));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Path file = DIR.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save the screenshot " + name, e);
        }
    }
}
