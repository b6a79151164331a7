package org.atrium.browser.pages;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The search box of a ticket list (queue, my requests) and the hits it shows. */
public final class SearchPart {
    private final WebDriver driver;
    private final String view;

    SearchPart(WebDriver driver, String view) {
        this.driver = driver;
        this.view = view;
    }

    private WebElement main() {
        return driver.findElement(By.cssSelector("main#view-" + view));
    }

    public WebElement input() {
        return main().findElement(By.cssSelector("input[type='search'][name='q']"));
    }

    /** Types the words as a person does (no Enter: the list follows after the pause in typing). */
    public SearchPart type(String words) {
        WebElement input = input();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(words);
        return this;
    }

    public SearchPart clear() {
        main().findElement(By.name("clear-search")).click();
        return this;
    }

    /**
     * Whether the page's CSS hides Chromium's own clear "×" of this search input (a rule on its
     * {@code ::-webkit-search-cancel-button} that matches the input and says {@code display: none}), so that
     * the portal's labelled clear button is the only one. WebDriver cannot click or measure the native
     * button inside the input's shadow tree, so the rule that removes it is what is checked.
     */
    public boolean nativeClearButtonHidden() {
        Object hidden = ((JavascriptExecutor) driver).executeScript(
                "const input = arguments[0];"
                + "const rules = [...document.styleSheets].flatMap(sheet => { try { return [...sheet.cssRules]; } catch (e) { return []; } });"
                + "return rules.some(rule => (rule.selectorText || '').split(',').some(selector => selector.trim().endsWith('::-webkit-search-cancel-button')"
                + "  && input.matches(selector.trim().replace(/::-webkit-search-cancel-button$/, '') || '*') && rule.style.display === 'none'));",
                input());
        return Boolean.TRUE.equals(hidden);
    }

    /** The notice above the list when the list cannot be loaded (e.g. no connection), once it shows. */
    public String awaitProblem() {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage("no problem shown above the list of " + view)
                .until(d -> main().findElements(By.cssSelector(".error-box")).stream().filter(WebElement::isDisplayed)
                        .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
    }

    public boolean clearOffered() {
        return main().findElement(By.name("clear-search")).isDisplayed();
    }

    /** The keys of the listed rows, once they are exactly {@code expected} (in any order). */
    public List<String> awaitKeys(List<String> expected) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the list is not " + expected + " but " + keys())
                .until(d -> keys().size() == expected.size() && keys().containsAll(expected));
        return keys();
    }

    public List<String> keys() {
        return main().findElements(By.cssSelector("tbody tr td:first-child a")).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    /** The note under the summary of {@code key}'s row: the snippet, else the fields that matched. */
    public WebElement note(String key) {
        return main().findElement(By.xpath(".//tbody/tr[.//a[normalize-space(.)='" + key + "']]//p[contains(@class,'snippet')]"));
    }

    /** The "no results" notice, once it shows. */
    public String awaitNoResults() {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .withMessage("no notice of no results").until(d -> {
                    List<WebElement> notices = main().findElements(By.xpath(".//p[starts-with(normalize-space(.),'No tickets match') or starts-with(normalize-space(.),'Keine Tickets passen')]"));
                    return notices.stream().filter(WebElement::isDisplayed).map(WebElement::getText).findFirst().orElse(null);
                });
    }
}
