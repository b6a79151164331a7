package org.atrium.browser;

import static org.junit.Assert.assertTrue;

import java.util.function.Predicate;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** A person with only a keyboard: keys go to whatever has the focus, nothing is clicked. */
final class Keyboard {
    private static final int MAX_TABS = 80;
    private final WebDriver driver;

    Keyboard(WebDriver driver) {
        this.driver = driver;
    }

    Keyboard press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element is the one wanted; fails after {@value #MAX_TABS} presses. */
    WebElement tabTo(String what, Predicate<WebElement> wanted) {
        for (int i = 0; i < MAX_TABS; i++) {
            press(Keys.TAB);
            WebElement now = focused();
            if (wanted.test(now)) {
                assertVisibleFocus(now, what);
                return now;
            }
        }
        throw new AssertionError(MAX_TABS + " presses of Tab never reached " + what);
    }

    static Predicate<WebElement> named(String name) {
        return e -> name.equals(e.getAttribute("name"));
    }

    static Predicate<WebElement> linkTo(String hash) {
        return e -> "a".equals(e.getTagName()) && hash.equals(e.getAttribute("href").replaceAll("^[^#]*", ""));
    }

    static Predicate<WebElement> submitButton() {
        return e -> "button".equals(e.getTagName()) && "submit".equals(e.getAttribute("type"));
    }

    /** The focus must be visible (WCAG 2.4.7): an outline or a focus ring drawn as a shadow. */
    static void assertVisibleFocus(WebElement element, String what) {
        String outline = element.getCssValue("outline-style");
        String width = element.getCssValue("outline-width");
        String shadow = element.getCssValue("box-shadow");
        boolean outlined = !"none".equals(outline) && !width.startsWith("0");
        assertTrue("no visible focus on " + what + " (outline " + outline + " " + width + ", box-shadow " + shadow + ")",
                outlined || !"none".equals(shadow));
    }
}
