package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestBundles;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.atrium.core.internal.directory.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A ticket pins the schema version of its type (docs/descriptors.md, "Versions"): when the bundle
 * is updated to a version whose form adds a required field, or removed, old tickets keep the form
 * of their own version, new tickets use the new one.
 */
class TicketPinnedVersionsTest {
    static final Caller ANNA = Caller.of("anna");
    static final Caller CARL = Caller.of("carl", "agent-it");
    static final long V1_BUNDLE = 10;
    static final long V2_BUNDLE = 11;

    /** Access requests, version 1: a system (erp or crm), seats 1 to 10, a cost centre like ABC, a reason shown for crm only. */
    static final String V1 = """
            {
              "key": "it.access",
              "department": "it",
              "category": "service-request",
              "keyPrefix": "ACC",
              "schemaVersion": 1,
              "names": {"de": "Zugang", "en": "Access"},
              "fields": [
                {"name": "system", "type": "choice", "required": true, "labels": {"de": "System", "en": "System"},
                 "options": [{"value": "erp", "labels": {"de": "ERP", "en": "ERP"}}, "crm"]},
                {"name": "seats", "type": "number", "min": 1, "max": 10, "labels": {"de": "Plätze", "en": "Seats"}},
                {"name": "costCentre", "type": "text", "pattern": "[A-Z]{3}", "labels": {"de": "Kostenstelle", "en": "Cost centre"}},
                {"name": "reason", "type": "textarea", "shownWhen": {"field": "system", "equals": "crm"},
                 "labels": {"de": "Grund", "en": "Reason"}}
              ]
            }
            """;

    /** Version 2 offers the wiki too, and requires an approver. */
    static final String V2 = V1
            .replace("\"schemaVersion\": 1", "\"schemaVersion\": 2")
            .replace("\"crm\"]}", "\"crm\", \"wiki\"]},\n"
                    + "    {\"name\": \"approver\", \"type\": \"person\", \"required\": true, \"labels\": {\"de\": \"Genehmiger\", \"en\": \"Approver\"}}");

    private static TestDatabases databases;
    private RequestTypeCatalog catalog;
    private TicketServiceImpl service;
    private TicketServiceImplTest.TickingClock clock;

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("pinned");
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        TestPeople.store(databases.database(), TestPeople.CARL);
        assertTrue(V2.contains("\"wiki\"") && V2.contains("\"approver\""), "fixture sanity");
        catalog = TestBundles.emptyCatalog();
        TestBundles.start(catalog, V1_BUNDLE, "org.atrium.access", V1);
        assertEquals(List.of(), catalog.refused());
        clock = new TicketServiceImplTest.TickingClock();
        service = new TicketServiceImpl(databases.database(), catalog, clock);
    }

    /** The bundle is updated: version 1 stops, version 2 starts. */
    private void updateBundleToV2() {
        TestBundles.stop(catalog, V1_BUNDLE);
        TestBundles.start(catalog, V2_BUNDLE, "org.atrium.access", V2);
        assertEquals(List.of(), catalog.refused());
        assertEquals(2, catalog.find("it.access").orElseThrow().schemaVersion());
    }

    private static NewTicket access(Map<String, Object> fields) {
        return new NewTicket("it.access", "Access please", null, null, null, fields);
    }

    private Ticket update(String key, Map<String, Object> fields) {
        Ticket current = service.get(CARL, key);
        return service.update(CARL, key, new TicketUpdate(current.version(), null, null, null, null, null, fields));
    }

    private ValidationException refusedUpdate(String key, Map<String, Object> fields) {
        Ticket current = service.get(CARL, key);
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.update(CARL, key, new TicketUpdate(current.version(), null, null, null, null, null, fields)));
        assertEquals(current, service.get(CARL, key), "a refused update changes nothing");
        return e;
    }

    private static List<String> fieldsOf(ValidationException e) {
        return e.errors().stream().map(FieldError::field).sorted().toList();
    }

    private static Map<String, Object> nulls(String... names) {
        Map<String, Object> map = new HashMap<>();
        for (String name : names) {
            map.put(name, null);
        }
        return map;
    }

    @Test
    void oldTicketsKeepTheirFormNewTicketsUseTheNewVersion() {
        Ticket old = service.create(ANNA, access(Map.of("system", "erp")));
        assertEquals(1, old.typeVersion());

        updateBundleToV2();

        // the old ticket updates against version 1: no approver needed, no wiki offered
        Ticket updated = update(old.key(), Map.of("seats", 3));
        assertEquals(Map.of("system", "erp", "seats", 3), updated.fields());
        assertEquals(1, updated.typeVersion(), "an update does not move the ticket to the new version");
        assertEquals(List.of("fields.system"), fieldsOf(refusedUpdate(old.key(), Map.of("system", "wiki"))));
        assertEquals(List.of("fields.approver"), fieldsOf(refusedUpdate(old.key(), Map.of("approver", "carl"))),
                "version 1 has no approver field");

        // a new ticket needs the approver and pins version 2
        ValidationException missing = assertThrows(ValidationException.class, () -> service.create(ANNA, access(Map.of("system", "wiki"))));
        assertEquals(List.of(new FieldError("fields.approver", "is required")), missing.errors());
        Ticket fresh = service.create(ANNA, access(Map.of("system", "wiki", "approver", "carl")));
        assertEquals(2, fresh.typeVersion());
        assertEquals("ACC-2", fresh.key());
        assertEquals(2, service.get(ANNA, fresh.key()).typeVersion());
        assertEquals(List.of("fields.approver"), fieldsOf(refusedUpdate(fresh.key(), nulls("approver"))));
        assertEquals(1, service.get(CARL, old.key()).typeVersion());
    }

    @Test
    void afterTheTypeIsWithdrawnTicketsAreCheckedAgainstTheStoredVersion() {
        Ticket old = service.create(ANNA, access(Map.of("system", "erp", "seats", 2)));
        updateBundleToV2();
        Ticket fresh = service.create(ANNA, access(Map.of("system", "wiki", "approver", "carl")));
        TestBundles.stop(catalog, V2_BUNDLE);
        assertTrue(catalog.find("it.access").isEmpty());

        // version 1, as stored: every rule still holds
        assertEquals(List.of("fields.system"), fieldsOf(refusedUpdate(old.key(), Map.of("system", "hr"))));
        assertEquals(List.of("fields.system"), fieldsOf(refusedUpdate(old.key(), Map.of("system", "wiki"))));
        assertEquals(List.of("fields.system"), fieldsOf(refusedUpdate(old.key(), nulls("system"))));
        assertEquals(List.of("fields.seats"), fieldsOf(refusedUpdate(old.key(), Map.of("seats", 11))));
        assertEquals(List.of("fields.costCentre"), fieldsOf(refusedUpdate(old.key(), Map.of("costCentre", "abc"))));
        assertEquals(List.of("fields.reason"), fieldsOf(refusedUpdate(old.key(), Map.of("reason", "needed"))),
                "reason is shown for crm only");
        assertEquals(List.of("fields.bogus"), fieldsOf(refusedUpdate(old.key(), Map.of("bogus", 1))));
        Ticket crm = update(old.key(), Map.of("system", "crm", "reason", "Sales", "costCentre", "ABC"));
        assertEquals(Map.of("system", "crm", "seats", 2, "reason", "Sales", "costCentre", "ABC"), crm.fields());

        // version 2, as stored
        assertEquals(List.of("fields.approver"), fieldsOf(refusedUpdate(fresh.key(), nulls("approver"))));
        assertEquals("wiki", update(fresh.key(), Map.of("seats", 1)).fields().get("system"));

        // no new tickets of a withdrawn type, but the old ones still move through the workflow
        ValidationException gone = assertThrows(ValidationException.class, () -> service.create(ANNA, access(Map.of("system", "erp"))));
        assertEquals(List.of("type"), fieldsOf(gone));
        assertEquals("resolved", service.transition(CARL, old.key(), new TransitionRequest("resolved", null, "fulfilled")).status());
        assertEquals("closed", service.transition(ANNA, fresh.key(), "closed", null).status());
    }

    @Test
    void theStoredVersionOutlivesARestart() {
        Ticket old = service.create(ANNA, access(Map.of("system", "erp")));
        TestBundles.stop(catalog, V1_BUNDLE);

        TicketServiceImpl restarted = new TicketServiceImpl(databases.database(), TestBundles.emptyCatalog(), clock);
        Ticket current = restarted.get(CARL, old.key());
        ValidationException e = assertThrows(ValidationException.class, () -> restarted.update(CARL, old.key(),
                new TicketUpdate(current.version(), null, null, null, null, null, Map.of("system", "sap", "seats", 0))));
        assertEquals(List.of("fields.seats", "fields.system"), fieldsOf(e));
        Ticket updated = restarted.update(CARL, old.key(), new TicketUpdate(current.version(), null, null, null, null, null,
                Map.of("system", "crm")));
        assertEquals("crm", updated.fields().get("system"));
    }

    @Test
    void reinstallingVersionOneServesBothKindsOfTickets() {
        Ticket old = service.create(ANNA, access(Map.of("system", "erp")));
        updateBundleToV2();
        Ticket fresh = service.create(ANNA, access(Map.of("system", "wiki", "approver", "carl")));
        // the administrator rolls back to the bundle of version 1
        TestBundles.stop(catalog, V2_BUNDLE);
        TestBundles.start(catalog, V1_BUNDLE, "org.atrium.access", V1);

        assertEquals(List.of("fields.system"), fieldsOf(refusedUpdate(old.key(), Map.of("system", "wiki"))));
        Ticket wiki = update(fresh.key(), Map.of("seats", 4));
        assertEquals("wiki", wiki.fields().get("system"), "the version 2 ticket keeps version 2's options");
        assertEquals(2, wiki.typeVersion());
        Ticket newest = service.create(ANNA, access(Map.of("system", "crm")));
        assertEquals(1, newest.typeVersion());
        assertFalse(newest.fields().containsKey("approver"));
    }
}
