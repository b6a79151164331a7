package org.atrium.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.browser.harness.Axe;
import org.atrium.browser.harness.Rest;
import org.atrium.browser.harness.Screenshots;
import org.atrium.browser.pages.KpiPage;
import org.atrium.browser.pages.PortalPage;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * ina opens the KPI dashboard in German and in English: every tile shows the figure that GET /kpis gives
 * for the same filters (added up here independently of the portal), formatted for the language; she
 * narrows the filters, downloads the CSV of exactly those filters, and picks a range without data. The
 * charts draw under the portal's CSP without a violation. anna, an employee, has no menu entry and gets
 * the 403 view on the address.
 */
public class KpiFlow {
    private static final String CSP_WATCH = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());

    @Test
    public void inaReadsTheKeyFiguresInBothLanguagesAndNarrowsThem() {
        String key = resolvedIncident();
        openIncident();
        try (Persona ina = Persona.signIn("ina", "de")) {
            ChromeDriver driver = ina.driver();
            ((JavascriptExecutor) driver).executeScript(CSP_WATCH);
            KpiPage kpis = KpiPage.open(driver);
            assertEquals("Kennzahlen", kpis.heading());
            JsonNode report = rest.get("ina", "/kpis");
            assertTilesMatch(kpis, report, "de");
            assertTrue("the resolved " + key + " counts", Expected.of(report).resolved >= 1);
            awaitCharts(kpis, 3);
            Screenshots.desktopAndPhone(ina.browser, "kpis-de");
            PortalPage.assertFilterLabelsLineUp(driver);

            kpis.chooseLanguage("en");
            kpis = waitForHeading(driver, "Key figures");
            assertTilesMatch(kpis, report, "en");
            awaitCharts(kpis, 3);
            Screenshots.desktopAndPhone(ina.browser, "kpis-en");

            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            String from = today.minusDays(6).toString();
            String to = today.toString();
            kpis = kpis.choose("department", "it").choose("type", "it.incident").choose("period", "day").date("from", from).date("to", to).apply();
            String filters = "department=it&type=it.incident&period=day&from=" + from + "&to=" + to;
            JsonNode narrowed = rest.get("ina", "/kpis?" + filters);
            assertEquals(7, Expected.periods(narrowed));
            assertTilesMatch(kpis, narrowed, "en");
            assertTrue("the CSV link carries the filters: " + kpis.csvHref(), kpis.csvHref().endsWith("/api/v1/kpis.csv?" + filters));
            String csv = csv(kpis.csvHref());
            assertTrue(csv, csv.startsWith("period_start,"));
            assertTrue("the CSV holds the narrowed rows: " + csv, csv.contains(",it,it.incident,"));
            assertFalse("the CSV holds nothing but the narrowed type: " + csv, csv.contains(",it.problem,"));
            awaitCharts(kpis, 3);
            Screenshots.save(driver, "kpis-filtered-en-desktop");

            kpis = kpis.date("from", "2020-01-01").date("to", "2020-01-31").apply();
            assertEquals("the backlog beside the notice is today's, and the notice says so",
                    "No data in this range. The backlog below is today's: the tickets open now.", kpis.emptyNotice());
            assertTrue("no tiles for an empty range: " + kpis.tileNames(), kpis.tileNames().isEmpty());
            awaitCharts(kpis, 1); // the backlog alone
            Screenshots.save(driver, "kpis-empty-en-desktop");

            Object violations = ((JavascriptExecutor) driver).executeScript("return window.cspViolations");
            assertNotNull("the page was not reloaded (the CSP watch is still there)", violations);
            assertEquals("CSP violations", List.of(), violations);
        }
    }

    @Test
    public void anEmployeeHasNoMenuEntryAndGetsThe403View() {
        try (Persona anna = Persona.signIn("anna", "en")) {
            ChromeDriver driver = anna.driver();
            assertTrue("anna's menu offers the dashboard", driver.findElements(By.cssSelector("#nav a[href='#/kpis']")).isEmpty());
            ((JavascriptExecutor) driver).executeScript("location.hash = '#/kpis'");
            PortalPage.awaitView(driver, "forbidden");
            assertEquals("Not for you", driver.findElement(By.cssSelector("main#view-forbidden h1")).getText());
            Screenshots.save(driver, "kpis-forbidden-en-desktop");
            Axe.assertNoSeriousViolations(driver, "forbidden");
        }
    }

    private static void awaitCharts(KpiPage kpis, int expected) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (kpis.drawnCharts() + kpis.emptyCharts() < expected && System.currentTimeMillis() < deadline) {
            pause();
        }
        assertEquals("charts drawn (or saying they have no data)", expected, kpis.drawnCharts() + kpis.emptyCharts());
    }

    private static KpiPage waitForHeading(ChromeDriver driver, String heading) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                KpiPage page = new KpiPage(driver);
                if (heading.equals(page.heading())) {
                    return page;
                }
            } catch (RuntimeException stale) {
                // the view is being drawn again in the new language
            }
            pause();
        }
        throw new AssertionError("the dashboard's heading is not " + heading);
    }

    /** Every tile against the figures added up from the report's rows; the shown durations in the language's words. */
    private static void assertTilesMatch(KpiPage kpis, JsonNode report, String language) {
        Expected expected = Expected.of(report);
        assertFigure(kpis, "mttrBusiness", expected.mttrBusiness);
        assertFigure(kpis, "mttrWall", expected.mttrWall);
        assertFigure(kpis, "mtta", expected.mtta);
        assertFigure(kpis, "firstTimeFix", expected.share(expected.firstTimeFixed, expected.resolved));
        assertFigure(kpis, "reopenRate", expected.share(expected.reopened, expected.resolved));
        assertFigure(kpis, "slaCompliance", expected.share(expected.slaMet, expected.slaMet + expected.slaBreached));
        expected.clocks.forEach((clock, metBreached) ->
                assertFigure(kpis, "sla:" + clock, expected.share(metBreached[0], metBreached[0] + metBreached[1])));
        assertFigure(kpis, "csat", expected.csat);
        assertFigure(kpis, "backlog", (double) expected.backlog);
        assertEquals(NumberFormat.getIntegerInstance(Locale.forLanguageTag(language)).format(expected.backlog), kpis.shown("backlog"));
        assertEquals(duration(expected.mttrWall, language), kpis.shown("mttrWall"));
        assertEquals(duration(expected.mtta, language), kpis.shown("mtta"));
        if (expected.resolved > 0) {
            double rate = expected.share(expected.firstTimeFixed, expected.resolved);
            assertEquals(percent(rate, language), kpis.shown("firstTimeFix").replace('\u00a0', ' '));
        }
    }

    private static void assertFigure(KpiPage kpis, String kpi, Double expected) {
        Double shown = kpis.value(kpi);
        if (expected == null) {
            assertNull(kpi, shown);
            assertEquals(kpi, "–", kpis.shown(kpi));
        } else {
            assertNotNull(kpi + " shows no figure, expected " + expected, shown);
            assertEquals(kpi, expected, shown, Math.abs(expected) * 1e-9 + 1e-9);
        }
    }

    /** "3 h 20 min" / "3 Std. 20 Min.", "2 d 4 h" / "2 Tg. 4 Std.", "45 s" / "45 Sek.": the two largest units. */
    static String duration(Double seconds, String language) {
        if (seconds == null) {
            return "–";
        }
        boolean de = language.equals("de");
        long total = Math.round(seconds);
        if (total < 60) {
            return total + (de ? " Sek." : " s");
        }
        long minutes = Math.round(total / 60.0);
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long rest = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append(de ? " Tg." : " d");
        }
        if (hours > 0) {
            text.append(text.isEmpty() ? "" : " ").append(hours).append(de ? " Std." : " h");
        }
        if (rest > 0 && days == 0) {
            text.append(text.isEmpty() ? "" : " ").append(rest).append(de ? " Min." : " min");
        }
        return text.isEmpty() ? (de ? "0 Min." : "0 min") : text.toString();
    }

    /** A share as a percentage with at most one decimal: "87,5 %" in German, "87.5%" in English. */
    static String percent(double share, String language) {
        double value = Math.round(share * 1000) / 10.0;
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        return language.equals("de") ? number.replace('.', ',') + " %" : number + "%";
    }

    private String resolvedIncident() {
        String key = rest.post("anna", "/tickets", "{\"type\":\"it.incident\",\"summary\":\"Projector in room 4.12 shows no picture\","
                + "\"impact\":\"medium\",\"urgency\":\"medium\",\"fields\":{\"affectedService\":\"workplace\"}}").path("key").asText();
        rest.post("ina", "/tickets/" + key + "/transitions", "{\"to\":\"in-progress\"}");
        rest.post("ina", "/tickets/" + key + "/transitions", "{\"to\":\"resolved\",\"resolutionCode\":\"fixed\"}");
        return key;
    }

    /** One left open, so the backlog has something to show. */
    private void openIncident() {
        rest.post("anna", "/tickets", "{\"type\":\"it.incident\",\"summary\":\"Meeting room screen flickers\","
                + "\"impact\":\"low\",\"urgency\":\"medium\",\"fields\":{\"affectedService\":\"workplace\"}}");
    }

    private static String csv(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", Rest.basic("ina")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(response.body(), 200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse(""), response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The report's rows added up as docs/kpis.md says: a mean times its count, summed, over the summed counts. */
    static final class Expected {
        long resolved;
        long firstTimeFixed;
        long reopened;
        long slaMet;
        long slaBreached;
        long backlog;
        Double mttrBusiness;
        Double mttrWall;
        Double mtta;
        Double csat;
        final Map<String, long[]> clocks = new TreeMap<>();

        static Expected of(JsonNode report) {
            Expected e = new Expected();
            double[] business = new double[2];
            double[] wall = new double[2];
            double[] ack = new double[2];
            double[] ratings = new double[2];
            for (JsonNode row : report.path("rows")) {
                e.resolved += row.path("resolved").asLong();
                e.firstTimeFixed += row.path("firstTimeFixed").asLong();
                e.reopened += row.path("reopened").asLong();
                e.slaMet += row.path("slaMet").asLong();
                e.slaBreached += row.path("slaBreached").asLong();
                add(business, row.path("mttrBusinessSeconds"), row.path("mttrBusinessCount").asLong());
                add(wall, row.path("mttrWallSeconds"), row.path("resolved").asLong());
                add(ack, row.path("mttaSeconds"), row.path("acknowledged").asLong());
                add(ratings, row.path("csatMean"), row.path("ratings").asLong());
                row.path("slaByClock").fields().forEachRemaining(clock -> {
                    long[] sums = e.clocks.computeIfAbsent(clock.getKey(), k -> new long[2]);
                    sums[0] += clock.getValue().path("met").asLong();
                    sums[1] += clock.getValue().path("breached").asLong();
                });
            }
            for (JsonNode bucket : report.path("backlog")) {
                e.backlog += bucket.path("tickets").asLong();
            }
            e.mttrBusiness = mean(business);
            e.mttrWall = mean(wall);
            e.mtta = mean(ack);
            e.csat = mean(ratings);
            return e;
        }

        static int periods(JsonNode report) {
            return (int) (LocalDate.parse(report.path("to").asText()).toEpochDay() - LocalDate.parse(report.path("from").asText()).toEpochDay() + 1);
        }

        Double share(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }

        private static void add(double[] sums, JsonNode mean, long count) {
            if (!mean.isNull() && !mean.isMissingNode() && count > 0) {
                sums[0] += mean.asDouble() * count;
                sums[1] += count;
            }
        }

        private static Double mean(double[] sums) {
            return sums[1] == 0 ? null : sums[0] / sums[1];
        }
    }
}
