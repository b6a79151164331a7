package org.atrium.browser.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The agent's queue: a department's tickets in SLA order, each with its due time coloured at warning and breach. */
public final class QueuePage extends PortalPage {
    public QueuePage(WebDriver driver) {
        super(driver, "queue");
    }

    public static QueuePage open(WebDriver driver) {
        PortalPage.go(driver, "queue", "queue");
        return new QueuePage(driver);
    }

    /** Shows the queue of {@code department} (the filter form's department and its button). */
    public QueuePage department(String department) {
        Select select = new Select(find(By.cssSelector("#view-queue select[name='department']")));
        if (!department.equals(select.getFirstSelectedOption().getAttribute("value"))) {
            select.selectByValue(department);
            root.findElement(By.cssSelector("form.filters button[type='submit']")).click();
        }
        return this;
    }

    /** The row of {@code key}, waiting for the queue to list it. */
    public WebElement row(String key) {
        return find(By.xpath("//main[@id='view-queue']//tbody/tr[.//a[normalize-space(.)='" + key + "']]"));
    }

    public List<String> keys() {
        return root.findElements(By.cssSelector("tbody tr td:first-child a")).stream().map(WebElement::getText).toList();
    }

    /** The due-time cell of {@code key} (the last column: countdown, and the word for warning or breach). */
    public WebElement dueCell(String key) {
        List<WebElement> cells = row(key).findElements(By.tagName("td"));
        return cells.get(cells.size() - 1);
    }

    /** Waits until the due cell of {@code key} carries the CSS class {@code cssClass} (e.g. sla-breached). */
    public WebElement awaitDueState(String key, String cssClass) {
        waiting().withMessage(() -> key + "'s due time is not " + cssClass + ": " + dueCell(key).getAttribute("class"))
                .until(d -> dueCell(key).getAttribute("class").contains(cssClass));
        return dueCell(key);
    }

    public TicketPage open(String key) {
        row(key).findElement(By.tagName("a")).click();
        return new TicketPage(driver);
    }

    /** The search box over the queue's filters. */
    public SearchPart search() {
        return new SearchPart(driver, "queue");
    }
}
