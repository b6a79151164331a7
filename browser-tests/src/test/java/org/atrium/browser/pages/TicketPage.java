package org.atrium.browser.pages;

import java.nio.file.Path;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The agent's ticket: facts, the transitions the agent may take, assignment, public and internal
 * comments, links, attachments, SLA and history. Every change reloads the view with a saved notice.
 */
public final class TicketPage extends PortalPage {
    public TicketPage(WebDriver driver) {
        super(driver, "ticket");
    }

    public static TicketPage open(WebDriver driver, String key) {
        PortalPage.go(driver, "tickets/" + key, "ticket");
        return new TicketPage(driver);
    }

    private WebElement section(String titleId) {
        return find(By.cssSelector("#view-ticket section[aria-labelledby='" + titleId + "']"));
    }

    /** The status as the facts list shows it. */
    public String status() {
        return find(By.cssSelector("#view-ticket dl.facts dd")).getText();
    }

    /** Assigns the ticket to the agent who is signed in ("assign to me"). */
    public TicketPage assignToMe() {
        WebElement before = root;
        section("assign-title").findElement(By.cssSelector(".actions button")).click();
        return reloaded(before);
    }

    /** Adds a comment; {@code internal} ones only agents see. */
    public TicketPage comment(String text, boolean internal) {
        WebElement comments = section("comments-title");
        comments.findElement(By.cssSelector("textarea[name='body']")).sendKeys(text);
        WebElement box = comments.findElement(By.cssSelector("input[name='internal']"));
        if (box.isSelected() != internal) {
            box.click();
        }
        comments.findElement(By.cssSelector("form button[type='submit']")).click();
        // the list is drawn again when the comment is saved: look the section up anew each time, and
        // take an element that went stale while being read as "not yet" (a CI run failed on exactly that)
        waiting().ignoring(StaleElementReferenceException.class)
                .withMessage(() -> "the comment is not listed: " + text)
                .until(d -> section("comments-title").findElements(By.cssSelector("ol.comments li")).stream()
                        .anyMatch(li -> li.getText().contains(text)));
        return this;
    }

    /** The listed comment containing {@code text}. */
    public WebElement listedComment(String text) {
        return section("comments-title").findElements(By.cssSelector("ol.comments li")).stream()
                .filter(li -> li.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no comment with " + text));
    }

    /** Takes the transition to {@code state}, with {@code resolutionCode} where the step asks for one. */
    public TicketPage transition(String state, String resolutionCode) {
        WebElement before = root;
        WebElement section = section("transitions-title");
        new Select(section.findElement(By.cssSelector("select[name='to']"))).selectByValue(state);
        if (resolutionCode != null) {
            new Select(section.findElement(By.cssSelector("select[name='resolutionCode']"))).selectByValue(resolutionCode);
        }
        section.findElement(By.cssSelector("form button[type='submit']")).click();
        return reloaded(before);
    }

    /** The states the agent may move the ticket to now. */
    public List<String> transitionTargets() {
        return section("transitions-title").findElements(By.cssSelector("select[name='to'] option")).stream()
                .map(o -> o.getAttribute("value")).toList();
    }

    /** The link to the attachment {@code fileName}. */
    public WebElement attachmentLink(String fileName) {
        return waiting().until(ExpectedConditions.presenceOfNestedElementLocatedBy(section("attachments-title"),
                By.xpath(".//a[normalize-space(.)='" + fileName + "']")));
    }

    /** Uploads a file as the agent. */
    public TicketPage upload(Path file) {
        WebElement section = section("attachments-title");
        section.findElement(By.cssSelector("input[type='file']")).sendKeys(file.toAbsolutePath().toString());
        section.findElement(By.cssSelector("button[type='submit']")).click();
        attachmentLink(file.getFileName().toString());
        return this;
    }

    public String notice() {
        return find(By.cssSelector("#view-ticket .notice.saved")).getText();
    }

    /** After a change the view renders again: waits for the new view and returns it. */
    private TicketPage reloaded(WebElement before) {
        waiting().withMessage(() -> "the ticket view did not show the change: " + text())
                .until(ExpectedConditions.stalenessOf(before));
        TicketPage fresh = new TicketPage(driver);
        fresh.notice();
        return fresh;
    }

    /** The "Following" section: the toggle, the watchers, add and remove. */
    public WatchersPart watchers() {
        return new WatchersPart(driver);
    }
}
