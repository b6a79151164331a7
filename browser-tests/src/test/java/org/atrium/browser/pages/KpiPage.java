package org.atrium.browser.pages;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The KPI dashboard: filters, a tile per figure ({@code li.tile[data-kpi]}), the charts with their tables, the CSV link. */
public final class KpiPage extends PortalPage {
    public KpiPage(WebDriver driver) {
        super(driver, "kpis");
        awaitContent();
    }

    public static KpiPage open(WebDriver driver) {
        PortalPage.go(driver, "kpis", "kpis");
        return new KpiPage(driver);
    }

    /** Waits until the figures (or the notice of an empty range) are shown. */
    private WebElement awaitContent() {
        return find(By.cssSelector("#view-kpis .kpi-content > *"));
    }

    public WebElement tile(String kpi) {
        return find(By.cssSelector("#view-kpis li.tile[data-kpi='" + kpi + "']"));
    }

    public List<String> tileNames() {
        return driver.findElements(By.cssSelector("#view-kpis li.tile")).stream().map(t -> t.getAttribute("data-kpi")).toList();
    }

    /** The tile's figure as shown ("3 Std. 20 Min.", "87,5 %"). */
    public String shown(String kpi) {
        return tile(kpi).findElement(By.className("tile-value")).getText();
    }

    /** The tile's unrounded figure (its data-value), null where the figure has no cases. */
    public Double value(String kpi) {
        String value = tile(kpi).getAttribute("data-value");
        return value == null || value.isEmpty() ? null : Double.valueOf(value);
    }

    public KpiPage choose(String filter, String value) {
        new Select(root.findElement(By.cssSelector("select[name='" + filter + "']"))).selectByValue(value);
        return this;
    }

    /** Sets a date filter ({@code from}, {@code to}) to an ISO date, as a date picker does. */
    public KpiPage date(String filter, String isoDate) {
        WebElement input = root.findElement(By.cssSelector("input[name='" + filter + "']"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, isoDate);
        return this;
    }

    /** Applies the filters and waits for the figures drawn for them. */
    public KpiPage apply() {
        WebElement before = awaitContent();
        root.findElement(By.cssSelector("form.filters button[type='submit']")).click();
        waiting().withMessage(() -> "the dashboard did not redraw: " + root.getText()).until(ExpectedConditions.stalenessOf(before));
        awaitContent();
        return this;
    }

    public String csvHref() {
        return root.findElement(By.cssSelector("a[download]")).getAttribute("href");
    }

    /** The notice shown when nothing happened in the range, or null. */
    public String emptyNotice() {
        List<WebElement> notices = root.findElements(By.cssSelector(".empty-state"));
        return notices.isEmpty() ? null : notices.get(0).getText();
    }

    /** How many charts have been drawn (a canvas each). */
    public int drawnCharts() {
        return root.findElements(By.cssSelector("figure.chart canvas")).size();
    }

    /** How many charts say they have nothing to draw (e.g. no SLA clock ended in the range). */
    public int emptyCharts() {
        return root.findElements(By.cssSelector("figure.chart .chart-empty")).size();
    }
}
