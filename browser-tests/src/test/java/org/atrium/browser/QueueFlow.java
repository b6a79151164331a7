package org.atrium.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import org.atrium.browser.harness.Axe;
import org.atrium.browser.harness.Chromium;
import org.atrium.browser.harness.Rest;
import org.atrium.browser.harness.Screenshots;
import org.atrium.browser.pages.MyRequestsPage;
import org.atrium.browser.pages.PortalPage;
import org.atrium.browser.pages.QueuePage;
import org.atrium.browser.pages.RequestDetailPage;
import org.atrium.browser.pages.SearchPart;
import org.atrium.browser.pages.TicketPage;
import org.atrium.browser.pages.WatchersPart;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * ina works the IT queue: a P1 incident whose resolution target has passed shows in the breach
 * colour (BreachingIncidents), a fresh one does not; she assigns the breached one to herself, adds
 * an internal comment (which the requester never sees) and resolves it. She searches her queue (the words
 * stay in the address through reload and back), follows a ticket and adds and removes a colleague as
 * watcher, in English and German; anna searches her own requests and follows one, in German. The German
 * menu fits one row at 1280 px.
 */
public class QueueFlow {
    private static final String CSP_WATCH = "window.cspViolations = [];"
            + "document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";
    private final Rest rest = new Rest(PortalSuiteIT.ATRIUM.api());

    @Test
    public void inaAssignsHerselfCommentsInternallyAndResolvesABreachedTicket() {
        String breached = incident("Mail server down for the whole floor", "high", "high");
        String fresh = incident("Printer on the 3rd floor jams", "low", "low");
        assertEquals("P1", rest.get("anna", "/tickets/" + breached).path("priority").asText());
        awaitBreach(breached);

        try (Persona ina = Persona.signIn("ina", "en")) {
            QueuePage queue = QueuePage.open(ina.driver()).department("it");
            WebElement late = queue.awaitDueState(breached, "sla-breached");
            WebElement inTime = queue.dueCell(fresh);
            assertFalse(inTime.getAttribute("class"), inTime.getAttribute("class").contains("sla-breached"));
            assertNotEquals("the breach has a colour of its own", colours(inTime), colours(late));
            assertTrue("the breached ticket comes first (SLA order)", queue.keys().indexOf(breached) < queue.keys().indexOf(fresh));
            Screenshots.save(ina.driver(), "queue-breached-en-desktop");

            TicketPage ticket = queue.open(breached).assignToMe();
            ticket.comment("Checked the relay: certificate expired, renewing", true);
            assertTrue(ticket.listedComment("certificate expired").getAttribute("class").contains("internal"));
            Screenshots.save(ina.driver(), "ticket-internal-comment-en-desktop");
            ticket = ticket.transition("resolved", "fixed");
            assertEquals("Resolved", ticket.status());
        }

        JsonNode resolved = rest.get("ina", "/tickets/" + breached);
        assertEquals("ina", resolved.path("assignee").asText());
        assertEquals("resolved", resolved.path("status").asText());
        assertEquals("fixed", resolved.path("resolutionCode").asText());
        String agentsView = rest.get("ina", "/tickets/" + breached + "/comments").toString();
        assertTrue(agentsView, agentsView.contains("certificate expired"));
        String requestersView = rest.get("anna", "/tickets/" + breached + "/comments").toString();
        assertFalse("anna never sees an internal comment: " + requestersView, requestersView.contains("certificate expired"));
    }

    @Test
    public void inaSearchesHerQueueAndManagesWhoFollowsATicket() {
        String word = uniqueWord();
        Found found = searchable(word);
        String other = incident("Keyboard misses two keys", "low", "low");

        try (Persona ina = Persona.signIn("ina", "en")) {
            ChromeDriver driver = ina.driver();
            QueuePage queue = QueuePage.open(driver).department("it");
            SearchPart search = queue.search();
            search.type(word).awaitKeys(found.keys());
            assertTrue(driver.getCurrentUrl(), driver.getCurrentUrl().endsWith("#/queue?q=" + word));
            assertNote(search.note(found.bySummary()), "Summary", word);
            assertNote(search.note(found.byComment()), "Comment", word);
            assertTrue("a clear button while there are words", search.clearOffered());
            assertTrue("one clear button: the field's native × is hidden", search.nativeClearButtonHidden());
            Screenshots.desktopAndPhone(ina.browser, "queue-search-en");

            driver.navigate().refresh();
            search = new QueuePage(driver).search();
            assertEquals("the words come back with the address", word, search.input().getAttribute("value"));
            search.awaitKeys(found.keys());
            ((JavascriptExecutor) driver).executeScript(CSP_WATCH);

            TicketPage ticket = new QueuePage(driver).open(found.bySummary());
            WatchersPart watchers = ticket.watchers();
            assertFalse(watchers.following());
            watchers.toggleFollowing();
            assertEquals("You follow this ticket: you get a mail when it changes.", watchers.state());
            assertEquals("the button says what a press does now", "Unfollow", watchers.toggle().getText());
            assertEquals(List.of("ina"), watchersOf("ina", found.bySummary()));
            watchers.add("chris");
            assertNotEquals("the list shows the directory's name", "chris", watchers.listedName("chris"));
            assertTrue(watchersOf("ina", found.bySummary()).contains("chris"));
            String refused = watchers.addRefused("nobody-of-that-name");
            assertTrue(refused, refused.contains("not an active person"));
            Screenshots.save(driver, "ticket-watchers-en-desktop");
            Axe.assertNoSeriousViolations(driver, "ticket with watchers");
            watchers.remove("chris").toggleFollowing();
            assertEquals(List.of(), watchersOf("ina", found.bySummary()));

            driver.navigate().back();
            search = new QueuePage(driver).search();
            assertEquals("back returns to the search", word, search.input().getAttribute("value"));
            search.awaitKeys(found.keys());
            search.type(word + "x");
            assertEquals("No tickets match “" + word + "x” with these filters.", search.awaitNoResults());
            search.clear();
            QueuePage all = new QueuePage(driver);
            waitUntil(() -> all.keys().contains(other), "the whole queue after clearing: " + all.keys());
            assertFalse(driver.getCurrentUrl(), driver.getCurrentUrl().contains("q="));
            assertEquals("CSP violations", List.of(), ((JavascriptExecutor) driver).executeScript("return window.cspViolations"));

            all.chooseLanguage("de");
            search = new QueuePage(driver).search();
            assertOneRowHeader(driver);
            search.type(word).awaitKeys(found.keys());
            assertNote(search.note(found.byComment()), "Kommentar", word);
            Screenshots.desktopAndPhone(ina.browser, "queue-search-de");
            PortalPage.assertFilterLabelsLineUp(driver);
            assertColumnNamesOnAPhone(ina, "queue", List.of("Priorität", "Status", "Bearbeiter", "Fällig in"));
            String due = new QueuePage(driver).dueCell(found.bySummary()).getText();
            assertTrue("German abbreviations in the countdown: " + due, due.matches("-?\\d+ (Tg\\.|Std\\.|Min\\.)( \\d+ (Std\\.|Min\\.))?( \\(.+\\))?"));
            search.type(word + "x");
            assertEquals("Keine Tickets passen zu „" + word + "x“ mit diesen Filtern.", search.awaitNoResults());

            // without a connection the notice is in the portal's language, not the browser's "Failed to fetch"
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            try {
                search.type(word + "y");
                assertEquals("Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es noch einmal.", search.awaitProblem());
            } finally {
                driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
            }
        }
    }

    @Test
    public void annaSearchesHerRequestsAndFollowsOneInGerman() {
        String word = uniqueWord();
        Found found = searchable(word);
        try (Persona anna = Persona.signIn("anna", "de")) {
            ChromeDriver driver = anna.driver();
            ((JavascriptExecutor) driver).executeScript(CSP_WATCH);
            SearchPart search = MyRequestsPage.open(driver).search();
            search.type(word).awaitKeys(found.keys());
            assertNote(search.note(found.byComment()), "Kommentar", word);
            Screenshots.desktopAndPhone(anna.browser, "my-requests-search-de");
            assertColumnNamesOnAPhone(anna, "my-requests", List.of("Art", "Status", "Geändert"));

            RequestDetailPage request = new MyRequestsPage(driver).open(found.byComment());
            WatchersPart watchers = request.watchers();
            assertEquals("Folgen", watchers.toggle().getText());
            assertFalse(watchers.following());
            assertFalse("only agents add others", watchers.offersAdding());
            watchers.toggleFollowing();
            assertEquals("Sie folgen diesem Ticket: Sie bekommen eine Mail, wenn es sich ändert.", watchers.state());
            assertEquals("Nicht mehr folgen", watchers.toggle().getText());
            assertEquals(List.of("anna"), watchersOf("anna", found.byComment()));
            assertTrue("anna sees no list of watchers", watchers.listed().isEmpty());
            Screenshots.desktopAndPhone(anna.browser, "request-following-de");
            watchers.toggleFollowing();
            assertEquals("Sie folgen diesem Ticket nicht.", watchers.state());
            assertEquals(List.of(), watchersOf("anna", found.byComment()));
            assertEquals("CSP violations", List.of(), ((JavascriptExecutor) driver).executeScript("return window.cspViolations"));
        }
    }

    /** Two of anna's incidents that carry {@code word}: one in its summary, one in a public comment only. */
    private record Found(String bySummary, String byComment) {
        List<String> keys() {
            return List.of(bySummary, byComment);
        }
    }

    private Found searchable(String word) {
        String bySummary = incident("Projector flickers in room " + word, "low", "low");
        String byComment = incident("Beamer cable is missing", "low", "low");
        rest.post("anna", "/tickets/" + byComment + "/comments", "{\"body\":\"The spare one from room " + word + " is gone too\",\"internal\":false}");
        // the search index may follow the commit a moment later: the portal gets both hits once the API does
        waitUntil(() -> rest.get("ina", "/tickets?q=" + word).path("items").size() == 2, "the API finds both tickets for " + word);
        return new Found(bySummary, byComment);
    }

    private List<String> watchersOf(String login, String key) {
        JsonNode list = rest.get(login, "/tickets/" + key + "/watchers").path("watchers");
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** The note under a hit names the field it matched in; where the API gives a snippet, the marks hold the word. */
    private static void assertNote(WebElement note, String field, String word) {
        assertTrue(note.getText(), note.getText().contains(field));
        for (WebElement mark : note.findElements(By.tagName("mark"))) {
            assertTrue(mark.getText(), mark.getText().toLowerCase().contains(word.substring(0, 5)));
        }
    }

    /** The brand, the whole menu and the language switch on one row (they wrapped in German at 1280 px). */
    private static void assertOneRowHeader(ChromeDriver driver) {
        Object rows = ((JavascriptExecutor) driver).executeScript(
                "const brand = document.querySelector('.top .brand').getBoundingClientRect();"
                        + "const items = [...document.querySelectorAll('#nav a'), document.getElementById('language'), document.getElementById('sign-out')];"
                        + "return items.filter(e => { const r = e.getBoundingClientRect(); return r.top >= brand.bottom || r.bottom <= brand.top; }).map(e => e.textContent || e.id);");
        assertEquals("header items below the brand's row at " + driver.manage().window().getSize(), List.of(), rows);
    }

    /**
     * On a phone the rows are blocks and the header row is hidden: each value that does not explain itself ("P4",
     * a date) shows its column's name before it. On the desktop the header says it and the cells do not.
     */
    private static void assertColumnNamesOnAPhone(Persona persona, String view, List<String> expected) {
        String named = "return [...document.querySelectorAll('main#view-' + arguments[0] + ' tbody tr:first-child td')]"
                + ".filter(td => getComputedStyle(td, '::before').content !== 'none').map(td => td.dataset.label);";
        assertEquals("column names in the cells on the desktop", List.of(), persona.driver().executeScript(named, view));
        persona.browser.window(Chromium.PHONE);
        try {
            sleep();
            assertEquals("column names in the cells on a phone", expected, persona.driver().executeScript(named, view));
        } finally {
            persona.browser.window(Chromium.DESKTOP);
            sleep();
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(what, System.nanoTime() < deadline);
            sleep();
        }
    }

    /** A word no other ticket holds (the flows share one server; a run against a running one repeats). */
    private static String uniqueWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("quokka");
        for (int i = 0; i < 5; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    /** Until the server says the ticket's due time has passed (its resolution target is a few seconds). */
    private void awaitBreach(String key) {
        Instant due = Instant.parse(rest.get("ina", "/tickets/" + key).path("slaDueAt").asText());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Instant.now().isAfter(due.plusSeconds(1))) {
            assertTrue(key + " is not due within a minute: " + due, System.nanoTime() < deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String incident(String summary, String impact, String urgency) {
        return rest.post("anna", "/tickets", "{\"type\":\"it.incident\",\"summary\":\"" + summary + "\",\"impact\":\"" + impact
                + "\",\"urgency\":\"" + urgency + "\",\"fields\":{\"affectedService\":\"email\"}}").path("key").asText();
    }

    private static String colours(WebElement cell) {
        return cell.getCssValue("color") + " on " + cell.getCssValue("background-color");
    }
}
