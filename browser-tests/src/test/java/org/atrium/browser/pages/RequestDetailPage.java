package org.atrium.browser.pages;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** One of the employee's requests: its facts, status timeline, comments, approval progress, SLA, attachments. */
public final class RequestDetailPage extends PortalPage {
    private static final Pattern KEY = Pattern.compile("^([A-Z]+-\\d+)");

    public RequestDetailPage(WebDriver driver) {
        super(driver, "request-detail");
    }

    public static RequestDetailPage open(WebDriver driver, String key) {
        PortalPage.go(driver, "requests/" + key, "request-detail");
        return new RequestDetailPage(driver);
    }

    /** The request's key, from the heading ("HR-3: Summer holiday"). */
    public String key() {
        String heading = find(By.cssSelector("#view-request-detail h1")).getText();
        Matcher matcher = KEY.matcher(heading);
        if (!matcher.find()) {
            throw new AssertionError("no ticket key in the heading: " + heading);
        }
        return matcher.group(1);
    }

    /** The status as the facts list shows it (the workflow state's name in the UI's language). */
    public String status() {
        return factsValue(0);
    }

    private String factsValue(int index) {
        List<WebElement> values = find(By.cssSelector("#view-request-detail dl.facts")).findElements(By.tagName("dd"));
        return values.get(index).getText();
    }

    /** The approval progress table's text (stage, approver, state, comment), or empty without approvals. */
    public String approvalProgress() {
        List<WebElement> section = root.findElements(By.cssSelector("section[aria-labelledby='approvals-title']"));
        return section.isEmpty() ? "" : section.get(0).getText();
    }

    /** The status timeline's text. */
    public String timeline() {
        return find(By.cssSelector("#view-request-detail section[aria-labelledby='history-title']")).getText();
    }

    /** The comments the requester sees. */
    public String comments() {
        WebElement list = find(By.cssSelector("#view-request-detail ol.comments"));
        waiting().until(d -> !list.getText().isBlank());
        return list.getText();
    }

    /** Uploads a file through the request's attachments section and waits until it is listed. */
    public RequestDetailPage upload(java.nio.file.Path file) {
        WebElement section = find(By.cssSelector("#view-request-detail section[aria-labelledby='attachments-title']"));
        section.findElement(By.cssSelector("input[type='file']")).sendKeys(file.toAbsolutePath().toString());
        section.findElement(By.cssSelector("button[type='submit']")).click();
        waiting().withMessage(() -> "the upload of " + file.getFileName() + " is not listed: " + section.getText())
                .until(ExpectedConditions.presenceOfNestedElementLocatedBy(section,
                        By.xpath(".//a[normalize-space(.)='" + file.getFileName() + "']")));
        return this;
    }

    /** The saved notice shown after a change (e.g. "HR-3 submitted"). */
    public String notice() {
        return find(By.cssSelector("#view-request-detail .notice.saved")).getText();
    }

    /** The "Following" section: the requester's toggle. */
    public WatchersPart watchers() {
        return new WatchersPart(driver);
    }
}
