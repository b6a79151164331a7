package org.atrium.browser.harness;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The axe-core accessibility check (from its WebJar, a test dependency: the script is injected
 * into the page by the test, the portal never serves it). A view passes when axe finds no
 * violation of impact serious or critical (contrast, missing names, broken ARIA, ...).
 */
public final class Axe {
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = load();

    private Axe() {
    }

    private static String load() {
        String path = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version", "4.6.3") + "/axe.min.js";
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No " + path + " on the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serious and critical violations on the page as it is now, one line each. */
    public static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(SOURCE);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done('ERROR ' + e));");
        String text = String.valueOf(result);
        if (text.startsWith("ERROR ")) {
            throw new IllegalStateException("axe-core failed: " + text);
        }
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(text)) {
                if (!BLOCKING.contains(violation.path("impact").asText())) {
                    continue;
                }
                List<String> targets = new ArrayList<>();
                for (JsonNode node : violation.path("nodes")) {
                    targets.add(node.path("target").toString() + " " + node.path("failureSummary").asText().replace('\n', ' '));
                }
                found.add(violation.path("impact").asText() + " " + violation.path("id").asText() + ": "
                        + violation.path("help").asText() + " at " + targets);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable axe-core result: " + text, e);
        }
        return found;
    }

    /** Fails naming every serious or critical violation of the view {@code view}. */
    public static void assertNoSeriousViolations(WebDriver driver, String view) {
        List<String> violations = seriousViolations(driver);
        if (!violations.isEmpty()) {
            fail("Accessibility of " + view + " (" + driver.getCurrentUrl() + "):\n  " + String.join("\n  ", violations));
        }
    }
}
