package org.atrium.browser.pages;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every view of the portal shares (the contract with the portal: each view's root is
 * {@code <main id="view-NAME">}, the language switch {@code <select id="language">}); a page object
 * per view extends it, so that the flows read as what a person does.
 */
public abstract class PortalPage {
    protected static final Duration WAIT = Duration.ofSeconds(20);

    protected final WebDriver driver;
    protected final WebElement root;

    protected PortalPage(WebDriver driver, String view) {
        this.driver = driver;
        this.root = awaitView(driver, view);
    }

    /** Waits until the view {@code view} is shown (its {@code main} element is in the page and visible). */
    public static WebElement awaitView(WebDriver driver, String view) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> "the view " + view + " did not appear at " + driver.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main#view-" + view)));
    }

    /** Whether the view {@code view} is the one shown now. */
    public static boolean showing(WebDriver driver, String view) {
        return !driver.findElements(By.cssSelector("main#view-" + view)).isEmpty();
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    protected WebElement find(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void chooseLanguage(String language) {
        new Select(driver.findElement(By.id("language"))).selectByValue(language);
        waiting().until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    public String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** The text of the view's main heading. */
    public String heading() {
        return root.findElement(By.cssSelector("h1, h2")).getText();
    }

    public String text() {
        return root.getText();
    }

    /**
     * Goes to the view at {@code #/hash} through the portal's navigation link when one is visible
     * (as a person does), else through the address (a bookmarked view); waits for {@code view}.
     */
    public static void go(WebDriver driver, String hash, String view) {
        List<WebElement> links = driver.findElements(By.cssSelector("a[href='#/" + hash + "']")).stream()
                .filter(WebElement::isDisplayed).toList();
        if (links.isEmpty()) {
            ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", "#/" + hash);
        } else {
            links.get(0).click();
        }
        new WebDriverWait(driver, WAIT).withMessage(() -> "the view " + view + " did not appear for #/" + hash)
                .until(d -> !d.findElements(By.cssSelector("main#view-" + view)).isEmpty()
                        && d.getCurrentUrl().endsWith("#/" + hash));
        awaitView(driver, view);
    }

    /** Signs out through the header's button; the sign-in view follows. */
    public static SignInPage signOut(WebDriver driver) {
        driver.findElement(By.id("sign-out")).click();
        return new SignInPage(driver);
    }

    /** The labels of a filter form's first row line up (a taller control, e.g. the search's, pushed its label up by a few pixels). */
    public static void assertFilterLabelsLineUp(WebDriver driver) {
        Object tops = ((JavascriptExecutor) driver).executeScript(
                "const labels = [...document.querySelectorAll('.filters .field > label')].map(l => l.getBoundingClientRect().top);"
                + "return labels.filter(top => Math.abs(top - labels[0]) < 20).map(top => Math.round(top - labels[0]));");
        @SuppressWarnings("unchecked")
        List<Number> offsets = (List<Number>) tops;
        if (offsets.size() < 3 || !offsets.stream().allMatch(o -> o.intValue() == 0)) {
            throw new AssertionError("the filters' labels in the first row, px below the first label (expected several, all 0): " + offsets);
        }
    }
}
