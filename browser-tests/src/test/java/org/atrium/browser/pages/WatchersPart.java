package org.atrium.browser.pages;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Following" section of a ticket (the agent's view and the requester's): the follow toggle and,
 * for the department's agents, the watchers with add and remove. The section is drawn again in place
 * after every change, so each look finds it anew.
 */
public final class WatchersPart {
    private static final By SECTION = By.cssSelector("main section[aria-labelledby='watchers-title']");
    private final WebDriver driver;

    WatchersPart(WebDriver driver) {
        this.driver = driver;
        waiting().withMessage("the follow toggle did not appear").until(d -> !section().findElements(By.name("follow")).isEmpty());
    }

    private WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public WebElement section() {
        return driver.findElement(SECTION);
    }

    public WebElement toggle() {
        return section().findElement(By.name("follow"));
    }

    /** Whether I follow the ticket (the toggle then offers to unfollow; data-following says which). */
    public boolean following() {
        return "true".equals(toggle().getAttribute("data-following"));
    }

    /** Clicks the toggle and waits until it shows the other state. */
    public WatchersPart toggleFollowing() {
        boolean before = following();
        toggle().click();
        waiting().withMessage(() -> "the toggle did not change from following=" + before + ": " + section().getText())
                .until(d -> following() != before);
        return this;
    }

    /** The line beside the toggle ("You follow this ticket ..."). */
    public String state() {
        return section().findElement(By.cssSelector(".follow-state")).getText();
    }

    /** The logins of the listed watchers (agents only; empty for anyone else). */
    public List<String> listed() {
        return section().findElements(By.cssSelector(".watcher-list li")).stream().map(li -> li.getAttribute("data-person")).toList();
    }

    /** The name the list shows for {@code login}. */
    public String listedName(String login) {
        return section().findElement(By.cssSelector(".watcher-list li[data-person='" + login + "'] span")).getText();
    }

    public boolean offersAdding() {
        return !section().findElements(By.cssSelector("form.add-watcher")).isEmpty();
    }

    /** Adds {@code login} and waits until the list shows them. */
    public WatchersPart add(String login) {
        submitAdd(login);
        waiting().withMessage(() -> login + " was not listed: " + section().getText()).until(d -> listed().contains(login));
        return this;
    }

    /** Adds {@code login} where the server refuses the person: the error shown beside the person field. */
    public String addRefused(String login) {
        submitAdd(login);
        // the form's summary and the field's error appear together: wait for the field's own, not whichever comes first
        return waiting().withMessage(() -> "no error beside the person field for " + login + ": " + section().getText()).until(d -> {
            List<WebElement> beside = section().findElements(By.cssSelector("form.add-watcher .field .error:not([hidden])"));
            return beside.isEmpty() ? null : beside.get(0).getText();
        });
    }

    private void submitAdd(String login) {
        WebElement input = section().findElement(By.cssSelector("form.add-watcher input[name='person']"));
        input.clear();
        input.sendKeys(login);
        section().findElement(By.cssSelector("form.add-watcher button[type='submit']")).click();
    }

    /** Removes {@code login} and waits until the list no longer shows them. */
    public WatchersPart remove(String login) {
        section().findElement(By.cssSelector(".watcher-list li[data-person='" + login + "'] button")).click();
        waiting().withMessage(() -> login + " is still listed: " + section().getText()).until(d -> !listed().contains(login));
        return this;
    }
}
