package org.atrium.browser.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The catalog: request types by department, a search over them; a type's link opens its form. */
public final class CatalogPage extends PortalPage {
    public CatalogPage(WebDriver driver) {
        super(driver, "catalog");
    }

    public static CatalogPage open(WebDriver driver) {
        PortalPage.go(driver, "catalog", "catalog");
        return new CatalogPage(driver);
    }

    private static By typeLink(String typeKey) {
        return By.cssSelector("#view-catalog a[href='#/request/" + typeKey + "']");
    }

    /** The type's name as the catalog shows it (from its descriptor, in the UI's language). */
    public String typeName(String typeKey) {
        return find(typeLink(typeKey)).getText();
    }

    public RequestFormPage request(String typeKey) {
        find(typeLink(typeKey)).click();
        return new RequestFormPage(driver);
    }

    public CatalogPage search(String words) {
        WebElement search = find(By.cssSelector("#view-catalog input[type='search']"));
        search.clear();
        search.sendKeys(words);
        return this;
    }

    public List<String> shownTypeKeys() {
        return root.findElements(By.cssSelector("a[href^='#/request/']")).stream()
                .map(a -> a.getAttribute("href").replaceAll(".*#/request/", "")).toList();
    }
}
