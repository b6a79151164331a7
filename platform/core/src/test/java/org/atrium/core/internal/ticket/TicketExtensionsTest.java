package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.UnavailableException;
import org.atrium.api.ValidationException;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.security.Caller;
import org.atrium.api.spi.Extension;
import org.atrium.api.spi.FieldCalculator;
import org.atrium.api.spi.FormContext;
import org.atrium.api.spi.RequestValidator;
import org.atrium.api.spi.TransitionAction;
import org.atrium.api.spi.TransitionContext;
import org.atrium.api.ticket.HistoryEntry;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.api.ticket.TransitionRequest;
import org.atrium.api.ticket.TicketUpdate;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.extension.Extensions;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ticket engine with Java extensions (validators, calculators, transition actions) registered
 * on the whiteboard, on the real persistence unit and an in-memory Derby.
 */
class TicketExtensionsTest {
    static final Caller ANNA = Caller.of("anna");
    static final Caller HELGA = Caller.of("helga", "agent-hr");

    /** A leave request: the calculator test.days fills days, test.leave-check allows 30 days at most. */
    static final String LEAVE = """
            {
              "key": "hr.leave",
              "department": "hr",
              "category": "service-request",
              "keyPrefix": "LV",
              "schemaVersion": 1,
              "names": {"de": "Urlaub", "en": "Leave"},
              "fields": [
                {"name": "period", "type": "date-range", "required": true, "labels": {"de": "Zeitraum", "en": "Period"}},
                {"name": "kind", "type": "choice", "required": true, "labels": {"de": "Art", "en": "Kind"},
                 "options": ["holiday", "special"]},
                {"name": "occasion", "type": "text", "labels": {"de": "Anlass", "en": "Occasion"},
                 "shownWhen": {"field": "kind", "equals": "special"}, "requiredWhen": {"field": "kind", "equals": "special"}},
                {"name": "note", "type": "textarea", "labels": {"de": "Notiz", "en": "Note"}},
                {"name": "days", "type": "number", "computed": true, "labels": {"de": "Tage", "en": "Days"}}
              ],
              "validators": ["test.leave-check"],
              "calculators": ["test.days"],
              "actions": {"resolved": ["test.broken", "test.notify"]}
            }
            """;

    private static TestDatabases databases;
    private static RequestTypeRegistry catalog;
    private Extensions extensions;
    private TicketServiceImpl service;
    private LeaveCheck check;
    private DaysCalculator days;
    private RecordingAction notify;

    /** Refuses a leave of more than 30 days. */
    static final class LeaveCheck implements RequestValidator {
        final List<Map<String, Object>> seen = new CopyOnWriteArrayList<>();

        @Override
        public List<FieldError> validate(FormContext context) {
            seen.add(context.fields());
            return DaysCalculator.days(context.fields()) > 30 ? List.of(new FieldError("fields.period", "must be 30 days at most")) : List.of();
        }
    }

    /** Days of the period, both ends included. */
    static final class DaysCalculator implements FieldCalculator {
        int calls;

        static long days(Map<String, Object> fields) {
            Map<?, ?> period = (Map<?, ?>) fields.get("period");
            return ChronoUnit.DAYS.between(LocalDate.parse((String) period.get("from")), LocalDate.parse((String) period.get("to"))) + 1;
        }

        @Override
        public Map<String, Object> calculate(FormContext context) {
            calls++;
            // an int, as JSON reads it back; see computedNumberOfAnotherJavaTypeIsNoChange for a long
            return Map.of("days", Math.toIntExact(days(context.fields())));
        }
    }

    /** What an action saw when it ran. */
    record Call(Ticket ticket, String from, String to, String actor, Ticket stored) {
    }

    /** Records each call, with the ticket as a reader would find it in the database at that moment. */
    final class RecordingAction implements TransitionAction {
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public void onEnter(TransitionContext context) {
            Ticket ticket = context.ticket();
            calls.add(new Call(ticket, context.from(), context.to(), context.actor(), service.get(HELGA, ticket.key())));
        }
    }

    static final class ThrowingAction implements TransitionAction {
        int calls;

        @Override
        public void onEnter(TransitionContext context) {
            calls++;
            throw new IllegalStateException("mail server down");
        }
    }

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("extensions");
        catalog = TestCatalogs.catalog(LEAVE);
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        extensions = new Extensions();
        check = new LeaveCheck();
        days = new DaysCalculator();
        notify = new RecordingAction();
        extensions.addValidator(check, named("test.leave-check"));
        extensions.addCalculator(days, named("test.days"));
        extensions.addAction(notify, named("test.notify"));
        service = new TicketServiceImpl(databases.database(), catalog, extensions, new TicketServiceImplTest.TickingClock());
    }

    static Map<String, Object> named(String name) {
        return Map.of(Extension.NAME, name);
    }

    static Map<String, Object> period(String from, String to) {
        return Map.of("from", from, "to", to);
    }

    static NewTicket leave(Map<String, Object> fields) {
        return new NewTicket("hr.leave", "Leave", null, null, null, fields);
    }

    /** Monday to Friday: 5 days. */
    private Ticket holiday() {
        return service.create(ANNA, leave(Map.of("period", period("2026-03-02", "2026-03-06"), "kind", "holiday", "note", "Ski")));
    }

    private static TicketUpdate patch(Ticket ticket, Map<String, Object> fields) {
        return new TicketUpdate(ticket.version(), null, null, null, null, null, fields);
    }

    private static List<String> fieldsOf(ValidationException e) {
        return e.errors().stream().map(FieldError::field).sorted().toList();
    }

    private static Number days(Ticket ticket) {
        return (Number) ticket.fields().get("days");
    }

    // ---------------------------------------------------------------- calculators

    @Test
    void createStoresTheComputedValue() {
        Ticket created = holiday();
        assertEquals(5, days(created).intValue());
        assertEquals(5, days(service.get(ANNA, "LV-1")).intValue(), "the computed value is stored");
        assertEquals(1, days.calls);
        assertEquals(1, check.seen.size());
        assertFalse(check.seen.get(0).containsKey("days"), "validators see the form as sent");
    }

    @Test
    void updatingAnInputFieldRecomputes() {
        Ticket created = holiday();
        Ticket updated = service.update(ANNA, "LV-1", patch(created, Map.of("period", period("2026-03-02", "2026-03-13"))));
        assertEquals(12, days(updated).intValue());
        assertEquals(12, days(service.get(ANNA, "LV-1")).intValue());
        assertEquals("Ski", updated.fields().get("note"), "the other fields stay");
        List<String> rows = service.history(HELGA, "LV-1").stream().skip(1)
                .map(h -> h.field() + " " + h.before() + " -> " + h.after()).sorted().toList();
        assertEquals(List.of("fields.days 5 -> 12",
                "fields.period {\"from\":\"2026-03-02\",\"to\":\"2026-03-06\"} -> {\"from\":\"2026-03-02\",\"to\":\"2026-03-13\"}"), rows);
    }

    @Test
    void updatingAnotherFieldKeepsTheComputedValue() {
        Ticket created = holiday();
        Ticket updated = service.update(ANNA, "LV-1", patch(created, Map.of("note", "Skiing in Tyrol")));
        assertEquals(5, days(updated).intValue());
        assertEquals(List.of("fields.note"), service.history(HELGA, "LV-1").stream().skip(1).map(HistoryEntry::field).toList());
    }

    @Test
    void anUpdateThatChangesNothingLeavesTheComputedValueAlone() {
        Ticket created = holiday();
        Ticket same = service.update(ANNA, "LV-1", patch(created, Map.of("note", "Ski")));
        assertEquals(created.version(), same.version());
        assertEquals(1, service.history(HELGA, "LV-1").size());
    }

    /**
     * BUG (TicketServiceImpl.updateFields): the stored values are compared with the new ones as Java
     * objects, the stored ones as JSON reads them back (5 is an Integer), the computed ones as the
     * calculator returned them (5L). A calculator returning a long makes every fields update record
     * "fields.days 5 -> 5" and bump the version, even an update that changes nothing.
     */
    @Test
    void computedNumberOfAnotherJavaTypeIsNoChange() {
        extensions.addCalculator(context -> Map.of("days", DaysCalculator.days(context.fields())), named("test.days"));
        Ticket created = holiday();
        assertEquals(5L, ((Number) created.fields().get("days")).longValue());
        Ticket same = service.update(ANNA, "LV-1", patch(created, Map.of("note", "Ski")));
        assertEquals(List.of("anna created status null -> new"), service.history(HELGA, "LV-1").stream()
                .map(h -> h.actor() + " " + h.action() + " " + h.field() + " " + h.before() + " -> " + h.after()).toList());
        assertEquals(created.version(), same.version(), "nothing changed");
    }

    @Test
    void sendingTheComputedFieldIsRefusedNamingIt() {
        Map<String, Object> fields = Map.of("period", period("2026-03-02", "2026-03-06"), "kind", "holiday", "days", 1);
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA, leave(fields)));
        assertEquals(List.of("fields.days"), fieldsOf(e));
        assertEquals(400, e.status());
        assertEquals(0, databases.count("ticket"));

        Ticket created = holiday();
        ValidationException onUpdate = assertThrows(ValidationException.class,
                () -> service.update(HELGA, "LV-1", patch(created, Map.of("days", 2))));
        assertEquals(List.of("fields.days"), fieldsOf(onUpdate));
        Map<String, Object> clear = new HashMap<>();
        clear.put("days", null);
        ValidationException cleared = assertThrows(ValidationException.class,
                () -> service.update(HELGA, "LV-1", patch(created, clear)));
        assertEquals(List.of("fields.days"), fieldsOf(cleared));
        assertEquals(created, service.get(ANNA, "LV-1"));
    }

    @Test
    void missingCalculatorRefusesTheRequestAndStoresNothing() {
        extensions.removeCalculator(days, named("test.days"));
        UnavailableException e = assertThrows(UnavailableException.class, () -> holiday());
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("test.days"), e.getMessage());
        assertEquals(0, databases.count("ticket"));
        assertEquals(0, databases.count("ticket_history"));

        extensions.addCalculator(days, named("test.days"));
        Ticket created = holiday();
        assertEquals("LV-1", created.key(), "the refused request did not use up a key");
        extensions.removeCalculator(days, named("test.days"));
        assertThrows(UnavailableException.class, () -> service.update(ANNA, "LV-1", patch(created, Map.of("note", "x"))));
        assertEquals(created, service.get(ANNA, "LV-1"));
    }

    // ---------------------------------------------------------------- validators

    @Test
    void validatorErrorsReachTheCallerAndNothingIsStored() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA,
                leave(Map.of("period", period("2026-03-01", "2026-04-30"), "kind", "holiday"))));
        assertEquals(List.of(new FieldError("fields.period", "must be 30 days at most")), e.errors());
        assertEquals(0, days.calls, "no calculation for a refused form");
        assertEquals(0, databases.count("ticket"));
        assertEquals(0, databases.count("ticket_history"));
    }

    @Test
    void validatorErrorsAreReportedWithTheOtherTicketErrors() {
        NewTicket bad = new NewTicket("hr.leave", " ", null, "huge", null,
                Map.of("period", period("2026-03-01", "2026-04-30"), "kind", "holiday"));
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA, bad));
        assertEquals(List.of("fields.period", "impact", "summary"), fieldsOf(e));
    }

    @Test
    void validatorErrorsOnUpdateLeaveTheTicketAsItWas() {
        Ticket created = holiday();
        ValidationException e = assertThrows(ValidationException.class, () -> service.update(ANNA, "LV-1",
                new TicketUpdate(created.version(), "Long leave", null, null, null, null,
                        Map.of("period", period("2026-03-02", "2026-05-02")))));
        assertEquals(List.of("fields.period"), fieldsOf(e));
        assertEquals(created, service.get(ANNA, "LV-1"), "neither the summary nor the form changed");
        assertEquals(1, service.history(HELGA, "LV-1").size());
        assertEquals("2026-05-02", ((Map<?, ?>) check.seen.get(1).get("period")).get("to"),
                "the validator saw the form with the change applied");
        assertEquals("holiday", check.seen.get(1).get("kind"), "and with the stored values");
    }

    @Test
    void descriptorRulesAreCheckedBeforeTheValidator() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA,
                leave(Map.of("period", period("2026-03-09", "2026-03-02")))));
        assertEquals(List.of("fields.kind", "fields.period"), fieldsOf(e));
        assertEquals(List.of(), check.seen, "the validator only sees forms that follow the descriptor");
    }

    @Test
    void missingValidatorRefusesTheRequest() {
        extensions.removeValidator(check, named("test.leave-check"));
        UnavailableException e = assertThrows(UnavailableException.class, () -> holiday());
        assertTrue(e.getMessage().contains("test.leave-check"), e.getMessage());
        assertEquals(0, databases.count("ticket"));
    }

    // ---------------------------------------------------------------- transition actions

    @Test
    void actionRunsOnceAfterTheTransitionWithTheCommittedTicket() {
        Ticket t = holiday();
        t = service.transition(HELGA, "LV-1", "in-progress", t.version());
        assertEquals(List.of(), notify.calls, "no action is attached to in-progress");

        Ticket resolved = service.transition(HELGA, "LV-1", new TransitionRequest("resolved", t.version(), "fulfilled"));
        assertEquals(1, notify.calls.size());
        Call call = notify.calls.get(0);
        assertEquals("resolved", call.ticket().status());
        assertEquals(resolved, call.ticket(), "the action gets the ticket the caller gets");
        assertEquals("in-progress", call.from());
        assertEquals("resolved", call.to(), "the state entered, as the outbox entry recorded it");
        assertEquals("helga", call.actor());
        assertEquals("resolved", call.stored().status(), "the transition is committed before the action runs");
        assertEquals(resolved.version(), call.stored().version());
    }

    @Test
    void actionRunsEachTimeTheStatusIsEntered() {
        Ticket t = holiday();
        t = service.transition(HELGA, "LV-1", new TransitionRequest("resolved", t.version(), "fulfilled"));
        t = service.transition(ANNA, "LV-1", "in-progress", t.version()); // reopen
        t = service.transition(HELGA, "LV-1", new TransitionRequest("resolved", t.version(), "fulfilled"));
        service.transition(ANNA, "LV-1", "closed", t.version());
        assertEquals(List.of("new", "in-progress"), notify.calls.stream().map(Call::from).toList());
        assertEquals(List.of("helga", "helga"), notify.calls.stream().map(Call::actor).toList());
    }

    @Test
    void aFailingActionDoesNotUndoTheTransition() {
        ThrowingAction broken = new ThrowingAction();
        extensions.addAction(broken, named("test.broken"));
        Ticket t = holiday();

        Ticket resolved = service.transition(HELGA, "LV-1", new TransitionRequest("resolved", t.version(), "fulfilled"));

        assertEquals(1, broken.calls);
        assertEquals("resolved", resolved.status());
        assertEquals("resolved", service.get(ANNA, "LV-1").status());
        assertEquals(1, notify.calls.size(), "the next action still runs");
        HistoryEntry last = service.history(HELGA, "LV-1").get(1);
        assertEquals("transitioned", last.action());
        assertEquals("resolved", last.after());
    }

    @Test
    void aMissingActionIsSkipped() {
        extensions.removeAction(notify, named("test.notify"));
        Ticket t = holiday();
        assertEquals("resolved", service.transition(HELGA, "LV-1", new TransitionRequest("resolved", t.version(), "fulfilled")).status());
        assertEquals(List.of(), notify.calls);
        assertEquals("resolved", service.get(ANNA, "LV-1").status());
    }

    @Test
    void aRefusedTransitionRunsNoAction() {
        Ticket t = holiday();
        assertThrows(ForbiddenException.class, () -> service.transition(ANNA, "LV-1", new TransitionRequest("resolved", t.version(), "fulfilled")));
        assertEquals(List.of(), notify.calls);
    }

    // ---------------------------------------------------------------- shownWhen and clearing fields

    @Test
    void aValueForAHiddenFieldIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA,
                leave(Map.of("period", period("2026-03-02", "2026-03-06"), "kind", "holiday", "occasion", "Wedding"))));
        assertEquals(List.of("fields.occasion"), fieldsOf(e));
        assertEquals(0, databases.count("ticket"));

        Ticket special = service.create(ANNA, leave(Map.of("period", period("2026-03-02", "2026-03-02"), "kind", "special",
                "occasion", "Wedding")));
        assertEquals("Wedding", special.fields().get("occasion"));
        ValidationException hides = assertThrows(ValidationException.class,
                () -> service.update(ANNA, special.key(), patch(special, Map.of("kind", "holiday"))));
        assertEquals(List.of("fields.occasion"), fieldsOf(hides), "the stored occasion is now hidden: clear it too");

        Map<String, Object> both = new HashMap<>();
        both.put("kind", "holiday");
        both.put("occasion", null);
        Ticket holiday = service.update(ANNA, special.key(), patch(special, both));
        assertEquals("holiday", holiday.fields().get("kind"));
        assertFalse(holiday.fields().containsKey("occasion"));
    }

    @Test
    void aShownFieldMayBeRequired() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA,
                leave(Map.of("period", period("2026-03-02", "2026-03-02"), "kind", "special"))));
        assertEquals(List.of("fields.occasion"), fieldsOf(e));
    }

    @Test
    void nullClearsAnOptionalField() {
        Ticket created = holiday();
        Map<String, Object> clear = new HashMap<>();
        clear.put("note", null);
        Ticket cleared = service.update(ANNA, "LV-1", patch(created, clear));
        assertFalse(cleared.fields().containsKey("note"));
        assertFalse(service.get(ANNA, "LV-1").fields().containsKey("note"));
        assertEquals(created.version() + 1, cleared.version());
        HistoryEntry row = service.history(HELGA, "LV-1").get(1);
        assertEquals("fields.note", row.field());
        assertEquals("\"Ski\"", row.before());
        assertEquals(null, row.after());
        assertEquals(5, days(cleared).intValue());
    }

    @Test
    void nullIsRefusedForARequiredField() {
        Ticket created = holiday();
        Map<String, Object> clear = new HashMap<>();
        clear.put("kind", null);
        ValidationException e = assertThrows(ValidationException.class, () -> service.update(ANNA, "LV-1", patch(created, clear)));
        assertEquals(List.of(new FieldError("fields.kind", "is required")), e.errors());
        assertEquals(created, service.get(ANNA, "LV-1"));
    }

    @Test
    void nullOnCreateIsLikeLeavingTheFieldOut() {
        Map<String, Object> fields = new HashMap<>(Map.of("period", period("2026-03-02", "2026-03-06"), "kind", "holiday"));
        fields.put("note", null);
        Ticket created = service.create(ANNA, leave(fields));
        assertFalse(created.fields().containsKey("note"));
        fields.put("kind", null);
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(ANNA, leave(fields)));
        assertEquals(List.of("fields.kind"), fieldsOf(e));
    }
}
