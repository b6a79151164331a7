package org.atrium.browser.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The approver's inbox: one card per pending approval, with what the API shows the approver and the decision. */
public final class ApprovalsPage extends PortalPage {
    public ApprovalsPage(WebDriver driver) {
        super(driver, "approvals");
    }

    public static ApprovalsPage open(WebDriver driver) {
        PortalPage.go(driver, "approvals", "approvals");
        return new ApprovalsPage(driver);
    }

    /** The card of the ticket {@code key}'s approval. */
    public WebElement card(String key) {
        return find(By.xpath("//main[@id='view-approvals']//section[.//h2[starts-with(normalize-space(.), '" + key + ":')]]"));
    }

    public String cardText(String key) {
        return card(key).getText();
    }

    public ApprovalsPage approve(String key, String comment) {
        return decide(key, comment, "approve");
    }

    public ApprovalsPage reject(String key, String comment) {
        return decide(key, comment, "reject");
    }

    private ApprovalsPage decide(String key, String comment, String decision) {
        WebElement card = card(key);
        card.findElement(By.cssSelector("textarea[name='comment']")).sendKeys(comment);
        card.findElement(By.cssSelector("button[value='" + decision + "']")).click();
        waiting().withMessage(() -> "no confirmation of the decision on " + key + ": " + card.getText())
                .until(d -> !card.findElements(By.cssSelector(".notice.saved")).isEmpty());
        return this;
    }
}
