package org.atrium.browser.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * PNGs of the whole page (not only the visible part) under target/screenshots, named after the
 * view, the language and the window, e.g. {@code queue-de-desktop.png}.
 */
public final class Screenshots {
    private static final Path DIR = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    private static final int MAX_HEIGHT = 4000;

    private Screenshots() {
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
