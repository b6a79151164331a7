package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.sla.ClockCondition;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.Escalation;
import org.atrium.api.sla.SlaPolicy;
import org.atrium.core.internal.form.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A descriptor's {@code sla}: read into the API records as written, with ClockPolicy's defaults for
 * what it leaves out, or refused naming the JSON path and the reason.
 */
class SlaDescriptorTest {
    private static final String TYPE = """
            {"key": "it.x", "department": "it", "category": "incident", "keyPrefix": "X", "schemaVersion": 1,
             "names": {"de": "X", "en": "X"},
             "fields": [
               {"name": "waitingForSupplier", "type": "boolean", "labels": {"de": "Wartet", "en": "Waiting"}},
               {"name": "kind", "type": "choice", "options": ["a", "b"], "labels": {"de": "Art", "en": "Kind"}},
               {"name": "score", "type": "integer", "labels": {"de": "Wert", "en": "Score"}}
             ],
             "sla": %s
            }
            """;
    private static final String FULL = """
            {"calendar": "de-by", "calendars": {"P1": "24x7"}, "warnAt": 80,
             "clocks": [
               {"key": "first-response", "names": {"de": "Erste Antwort", "en": "First response"},
                "targets": {"P1": "PT30M", "P2": "PT2H", "P3": "PT8H", "P4": "PT16H"}},
               {"key": "resolution", "names": {"de": "Lösung", "en": "Resolution"}, "kind": "sla",
                "targets": {"P1": "PT4H", "P2": "PT8H", "P3": "PT24H", "P4": "PT40H"},
                "pauseWhen": {"categories": ["pending"], "field": {"field": "waitingForSupplier", "equals": true}},
                "cancelWhen": {"states": ["closed"]}, "resetWhen": {"field": {"field": "score", "below": 0}},
                "onWarning": [{"notify-role": "agent-it"}],
                "onBreach": [{"raise-priority": "P2"}, {"assign-group": "service-desk"}, {"notify-role": "agent-it"}]},
               {"key": "supplier", "names": {"de": "Lieferant", "en": "Supplier"}, "kind": "ola", "targets": {"P2": "PT1H30M"},
                "startWhen": {"states": ["waiting-for-supplier"]}, "stopWhen": {"states": ["in-progress", "resolved"], "publicAgentComment": true},
                "pauseWhen": "never"}
             ]}
            """;

    private static RequestType read(String sla) throws DescriptorException {
        String json = TYPE.formatted(sla);
        return DescriptorReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "org.atrium.test");
    }

    private static DescriptorException refused(String sla) {
        return assertThrows(DescriptorException.class, () -> read(sla));
    }

    @Test
    void readsACompletePolicy() throws DescriptorException {
        SlaPolicy policy = read(FULL).sla();
        assertEquals("de-by", policy.calendar());
        assertEquals(Map.of("P1", "24x7"), policy.calendarsByPriority());
        assertEquals("24x7", policy.calendarFor("P1"));
        assertEquals("de-by", policy.calendarFor("P3"));
        assertEquals(80, policy.warnPercent());
        assertEquals(List.of("first-response", "resolution", "supplier"), policy.clocks().stream().map(ClockPolicy::key).toList());

        ClockPolicy first = policy.clocks().get(0);
        assertEquals(Map.of("de", "Erste Antwort", "en", "First response"), first.names());
        assertEquals(Map.of("P1", Duration.ofMinutes(30), "P2", Duration.ofHours(2), "P3", Duration.ofHours(8), "P4", Duration.ofHours(16)),
                first.targets());
        assertEquals("sla", first.kind());
        assertTrue(first.startsOnCreation());
        assertEquals(ClockCondition.categories("pending"), first.pauseWhen());
        assertEquals(ClockPolicy.defaultStop("first-response"), first.stopWhen());
        assertEquals(List.of(), first.onBreach());

        ClockPolicy resolution = policy.clocks().get(1);
        assertEquals(new ClockCondition(List.of("pending"), List.of(), new Condition("waitingForSupplier", List.of("true")), false),
                resolution.pauseWhen());
        assertEquals(ClockCondition.categories("resolved", "closed"), resolution.stopWhen());
        assertEquals(new ClockCondition(List.of(), List.of("closed"), null, false), resolution.cancelWhen());
        assertEquals(new ClockCondition(List.of(), List.of(), new Condition("score", List.of(), 0.0), false), resolution.resetWhen());
        assertEquals(List.of(new Escalation("notify-role", "agent-it")), resolution.onWarning());
        assertEquals(List.of(new Escalation("raise-priority", "P2"), new Escalation("assign-group", "service-desk"),
                new Escalation("notify-role", "agent-it")), resolution.onBreach());

        ClockPolicy supplier = policy.clocks().get(2);
        assertEquals("ola", supplier.kind());
        assertEquals(Map.of("P2", Duration.ofMinutes(90)), supplier.targets());
        assertEquals(new ClockCondition(List.of(), List.of("waiting-for-supplier"), null, false), supplier.startWhen());
        assertEquals(new ClockCondition(List.of(), List.of("in-progress", "resolved"), null, true), supplier.stopWhen());
        assertTrue(supplier.pauseWhen().isNever(), "\"never\" pauses never");
    }

    @Test
    void defaultsForWhatIsLeftOut() throws DescriptorException {
        SlaPolicy policy = read("""
                {"calendar": "de-be", "clocks": [{"key": "resolution", "names": {"de": "Lösung", "en": "Resolution"}, "targets": {"P3": "PT24H"}}]}""").sla();
        assertEquals(SlaPolicy.DEFAULT_WARN_PERCENT, policy.warnPercent());
        assertEquals(Map.of(), policy.calendarsByPriority());
        ClockPolicy clock = policy.clocks().get(0);
        assertEquals(new ClockPolicy("resolution", Map.of("de", "Lösung", "en", "Resolution"), null, Map.of("P3", Duration.ofHours(24)),
                null, null, null, null, null, null, null), clock);
        assertTrue(clock.cancelWhen().isNever());
        assertTrue(clock.resetWhen().isNever());
    }

    @Test
    void aTypeWithoutSlaHasNone() throws DescriptorException {
        assertNull(read("null").sla());
    }

    @Test
    void survivesTheStoredTypeVersionRoundTrip() throws Exception {
        RequestType type = read(FULL);
        RequestType back = Json.MAPPER.readerFor(RequestType.class)
                .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(Json.write(type));
        assertEquals(type.sla(), back.sla());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not an object                  | "de-by"                                                                 | sla
            unknown member                 | {"calendar": "de-by", "clocks": [@], "colour": 1}                      | sla.colour
            no calendar                    | {"clocks": [@]}                                                          | sla.calendar
            calendar with upper case       | {"calendar": "DE-BY", "clocks": [@]}                                     | sla.calendar
            calendar as a number           | {"calendar": 7, "clocks": [@]}                                           | sla.calendar
            calendars for P5               | {"calendar": "de-by", "calendars": {"P5": "24x7"}, "clocks": [@]}        | sla.calendars.P5
            calendars as a list            | {"calendar": "de-by", "calendars": ["24x7"], "clocks": [@]}              | sla.calendars
            calendars with a bad name      | {"calendar": "de-by", "calendars": {"P1": "24 x 7"}, "clocks": [@]}      | sla.calendars.P1
            warnAt 0                       | {"calendar": "de-by", "warnAt": 0, "clocks": [@]}                        | sla.warnAt
            warnAt 100                     | {"calendar": "de-by", "warnAt": 100, "clocks": [@]}                      | sla.warnAt
            warnAt fraction                | {"calendar": "de-by", "warnAt": 75.5, "clocks": [@]}                     | sla.warnAt
            warnAt as text                 | {"calendar": "de-by", "warnAt": "75", "clocks": [@]}                     | sla.warnAt
            no clocks                      | {"calendar": "de-by"}                                                    | sla.clocks
            empty clocks                   | {"calendar": "de-by", "clocks": []}                                      | sla.clocks
            duplicate clock keys           | {"calendar": "de-by", "clocks": [@, @]}                                  | sla.clocks[1].key
            """)
    void refusesABadPolicy(String what, String sla, String field) {
        String clock = "{\"key\": \"resolution\", \"names\": {\"de\": \"L\", \"en\": \"R\"}, \"targets\": {\"P1\": \"PT4H\"}}";
        assertEquals(field, refused(sla.replace("@", clock)).field(), what);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            clock not an object            | "resolution"                                                       | sla.clocks[0]
            unknown clock member           | "colour": "red"                                                    | sla.clocks[0].colour
            key with upper case            | "key": "Resolution"                                                | sla.clocks[0].key
            reserved key                   | "key": "calendar"                                                  | sla.clocks[0].key
            names without en               | "names": {"de": "Lösung"}                                          | sla.clocks[0].names.en
            unknown kind                   | "kind": "kpi"                                                      | sla.clocks[0].kind
            no targets                     | "targets": {}                                                      | sla.clocks[0].targets
            target for P5                  | "targets": {"P5": "PT4H"}                                          | sla.clocks[0].targets.P5
            target not a duration          | "targets": {"P1": "4 hours"}                                       | sla.clocks[0].targets.P1
            target as a number             | "targets": {"P1": 4}                                               | sla.clocks[0].targets.P1
            target zero                    | "targets": {"P1": "PT0S"}                                          | sla.clocks[0].targets.P1
            target negative                | "targets": {"P1": "-PT4H"}                                         | sla.clocks[0].targets.P1
            target in days                 | "targets": {"P1": "P1D"}                                           | sla.clocks[0].targets.P1
            target in days and hours       | "targets": {"P1": "P1DT2H"}                                        | sla.clocks[0].targets.P1
            target over a year             | "targets": {"P1": "PT8761H"}                                       | sla.clocks[0].targets.P1
            target that overflows          | "targets": {"P1": "PT9999999999999999999H"}                        | sla.clocks[0].targets.P1
            unknown category               | "pauseWhen": {"categories": ["waiting"]}                           | sla.clocks[0].pauseWhen.categories[0]
            unknown state                  | "stopWhen": {"states": ["done"]}                                   | sla.clocks[0].stopWhen.states[0]
            state listed twice             | "stopWhen": {"states": ["resolved", "resolved"]}                  | sla.clocks[0].stopWhen.states
            states as text                 | "startWhen": {"states": "new"}                                     | sla.clocks[0].startWhen.states
            empty states                   | "startWhen": {"states": []}                                        | sla.clocks[0].startWhen.states
            unknown condition member       | "startWhen": {"status": ["new"]}                                   | sla.clocks[0].startWhen.status
            empty condition                | "resetWhen": {}                                                    | sla.clocks[0].resetWhen
            only publicAgentComment false  | "stopWhen": {"publicAgentComment": false}                          | sla.clocks[0].stopWhen
            publicAgentComment as text     | "stopWhen": {"publicAgentComment": "yes"}                          | sla.clocks[0].stopWhen.publicAgentComment
            unknown field                  | "pauseWhen": {"field": {"field": "supplier", "equals": "true"}}    | sla.clocks[0].pauseWhen.field.field
            value that is not an option    | "pauseWhen": {"field": {"field": "kind", "equals": "c"}}           | sla.clocks[0].pauseWhen.field.equals
            below on a choice field        | "pauseWhen": {"field": {"field": "kind", "below": 3}}              | sla.clocks[0].pauseWhen.field.below
            never to stop                  | "stopWhen": "never"                                                | sla.clocks[0].stopWhen
            never to start                 | "startWhen": "never"                                               | sla.clocks[0].startWhen
            condition as a list            | "pauseWhen": ["pending"]                                           | sla.clocks[0].pauseWhen
            escalations not a list         | "onBreach": {"notify-role": "agent-it"}                            | sla.clocks[0].onBreach
            escalation of two actions      | "onBreach": [{"notify-role": "agent-it", "raise-priority": "P1"}]  | sla.clocks[0].onBreach[0]
            escalation of no action        | "onBreach": [{}]                                                   | sla.clocks[0].onBreach[0]
            unknown escalation             | "onWarning": [{"send-mail": "boss"}]                               | sla.clocks[0].onWarning[0].send-mail
            raise to P5                    | "onBreach": [{"raise-priority": "P5"}]                             | sla.clocks[0].onBreach[0].raise-priority
            raise priority as a number     | "onBreach": [{"raise-priority": 1}]                                | sla.clocks[0].onBreach[0].raise-priority
            group with upper case          | "onBreach": [{"assign-group": "Service Desk"}]                     | sla.clocks[0].onBreach[0].assign-group
            role with blanks               | "onBreach": [{"notify-role": "agent it"}]                          | sla.clocks[0].onBreach[0].notify-role
            escalation listed twice        | "onBreach": [{"notify-role": "cab"}, {"notify-role": "cab"}]       | sla.clocks[0].onBreach[1]
            two groups                     | "onBreach": [{"assign-group": "a"}, {"assign-group": "b"}]         | sla.clocks[0].onBreach[1]
            """)
    void refusesABadClock(String what, String member, String field) {
        String clock = member.startsWith("\"resolution\"") ? member
                : "{\"key\": \"resolution\", \"names\": {\"de\": \"L\", \"en\": \"R\"}, \"targets\": {\"P1\": \"PT4H\"}, " + member + "}";
        // a member given twice: Jackson keeps the later one, so the member under test wins
        DescriptorException e = refused("{\"calendar\": \"de-by\", \"clocks\": [" + clock + "]}");
        assertEquals(field, e.field(), what + ": " + e.getMessage());
    }

    @Test
    void reasonsSayWhatIsWrong() {
        String clock = "{\"key\": \"resolution\", \"names\": {\"de\": \"L\", \"en\": \"R\"}, \"targets\": {\"P1\": \"%s\"}}";
        assertTrue(refused("{\"calendar\": \"de-by\", \"clocks\": [" + clock.formatted("P2D") + "]}").getMessage().contains("PT9H"));
        assertTrue(refused("{\"calendar\": \"de-by\", \"clocks\": [" + clock.formatted("soon") + "]}").getMessage().contains("ISO-8601"));
        assertTrue(refused("{\"calendar\": \"de-by\", \"clocks\": [" + clock.formatted("PT1H").replace("\"targets\"",
                "\"stopWhen\": {\"states\": [\"done\"]}, \"targets\"") + "]}").getMessage().contains("waiting-for-supplier"),
                "names the states there are");
        assertTrue(refused("{\"calendar\": \"de-by\", \"warnAt\": 100, \"clocks\": [" + clock.formatted("PT1H") + "]}").getMessage()
                .contains("1 to 99"));
    }
}
