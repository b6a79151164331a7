package org.atrium.browser.pages;

import org.openqa.selenium.WebDriver;

/** Out of office: from, until and the delegate who decides approvals meanwhile. */
public final class OutOfOfficePage extends PortalPage {
    public OutOfOfficePage(WebDriver driver) {
        super(driver, "out-of-office");
    }

    public static OutOfOfficePage open(WebDriver driver) {
        PortalPage.go(driver, "out-of-office", "out-of-office");
        return new OutOfOfficePage(driver);
    }
}
