package org.atrium.browser.pages;

import java.nio.file.Path;
import java.time.LocalDate;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A request form rendered from the type's descriptor: each input's {@code name} is the descriptor's
 * field id (a date range: {@code period.from}, {@code period.to}); the server's field errors appear
 * beside their fields ({@code .field[data-field=NAME] .error}).
 */
public final class RequestFormPage extends PortalPage {
    public RequestFormPage(WebDriver driver) {
        super(driver, "request-form");
    }

    public WebElement input(String name) {
        return find(By.cssSelector("#view-request-form [name='" + name + "']"));
    }

    public RequestFormPage type(String name, String text) {
        WebElement input = input(name);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public RequestFormPage choose(String name, String value) {
        new Select(input(name)).selectByValue(value);
        return this;
    }

    /** Types a date into a date input as a person does, in the order the UI's language shows it. */
    public RequestFormPage date(String name, LocalDate date) {
        WebElement input = input(name);
        String language = language();
        String keys = "de".equals(language)
                ? String.format("%02d%02d%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear())
                : String.format("%02d%02d%d", date.getMonthValue(), date.getDayOfMonth(), date.getYear());
        input.sendKeys(keys);
        if (!date.toString().equals(input.getAttribute("value"))) {
            // the browser's date format is not the UI language's: set it as the date picker would
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                    + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                    + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, date.toString());
        }
        return this;
    }

    public RequestFormPage attach(String name, Path file) {
        input(name).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    public boolean fieldShown(String name) {
        return !root.findElements(By.cssSelector(".field[data-field='" + name + "']")).stream()
                .filter(WebElement::isDisplayed).toList().isEmpty();
    }

    /** Submits; the caller says what comes next ({@link #submitted} or {@link #errorOf}). */
    public RequestFormPage submit() {
        root.findElement(By.cssSelector("form button[type='submit']")).click();
        return this;
    }

    /** After a successful submit: the new request's page. */
    public RequestDetailPage submitted() {
        return new RequestDetailPage(driver);
    }

    /** The server's error shown beside the field {@code name}, once it is there. */
    public String errorOf(String name) {
        By error = By.cssSelector("#view-request-form .field[data-field='" + name + "'] .error");
        return waiting().withMessage(() -> "no error beside the field " + name + "; the form says: " + root.getText())
                .until(ExpectedConditions.visibilityOfElementLocated(error)).getText();
    }

    /** Whether the control of {@code name} is marked invalid for assistive technology. */
    public boolean markedInvalid(String name) {
        return "true".equals(input(name).getAttribute("aria-invalid"));
    }
}
