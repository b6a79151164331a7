package org.atrium.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** "My requests": the employee's tickets, newest first, each row linking to its page. */
public final class MyRequestsPage extends PortalPage {
    public MyRequestsPage(WebDriver driver) {
        super(driver, "my-requests");
    }

    public static MyRequestsPage open(WebDriver driver) {
        PortalPage.go(driver, "my-requests", "my-requests");
        return new MyRequestsPage(driver);
    }

    /** The row of the request {@code key} (key, summary, type, status, updated). */
    public WebElement row(String key) {
        return find(By.xpath("//main[@id='view-my-requests']//tr[.//a[normalize-space(.)='" + key + "']]"));
    }

    public String statusOf(String key) {
        return row(key).findElements(By.tagName("td")).get(3).getText();
    }

    public RequestDetailPage open(String key) {
        row(key).findElement(By.tagName("a")).click();
        return new RequestDetailPage(driver);
    }

    public SearchPart search() {
        return new SearchPart(driver, "my-requests");
    }
}
