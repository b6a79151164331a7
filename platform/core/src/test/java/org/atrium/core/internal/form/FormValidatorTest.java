package org.atrium.core.internal.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.atrium.api.FieldError;
import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.core.internal.directory.TestPeople;
import org.junit.jupiter.api.Test;

class FormValidatorTest {

    private static final Map<String, String> LABELS = Map.of("de", "x", "en", "x");

    private static FormField field(String name, String type, boolean required, String... options) {
        return FormField.simple(name, type, required, LABELS, options(options));
    }

    private static List<FieldOption> options(String... values) {
        return Stream.of(values).map(value -> new FieldOption(value, LABELS)).toList();
    }

    private static List<FieldError> validate(RequestType type, Map<String, Object> values, Set<String> submitted) {
        return FormValidator.withStaticOptions(PEOPLE::find).validate(type, values, submitted);
    }

    private static final TestPeople PEOPLE = TestPeople.demo();

    private static RequestType type(FormField... fields) {
        return new RequestType("it.test", "it", "incident", "IT", LABELS, Map.of(), List.of(fields), 1, false, "b");
    }

    private static final RequestType ALL_TYPES = type(
            field("text", "text", false),
            field("textarea", "textarea", false),
            field("person", "person", false),
            new FormField("team", "person-list", false, LABELS, Map.of(), List.of(), null, java.math.BigDecimal.valueOf(2),
                    java.math.BigDecimal.valueOf(3), null, null, null, null, null, false, false, null),
            field("attachment", "attachment", false),
            field("number", "number", false),
            field("boolean", "boolean", false),
            field("date", "date", false),
            field("range", "date-range", false),
            field("choice", "choice", false, "a", "b"),
            field("multi", "multi-choice", false, "x", "y", "z"));

    /** Validates a single value of the named field of ALL_TYPES; returns the reasons given for it. */
    private static List<String> check(String name, Object value) {
        Map<String, Object> values = new HashMap<>();
        values.put(name, value);
        List<FieldError> errors = validate(ALL_TYPES, values, values.keySet());
        errors.forEach(error -> assertEquals("fields." + name, error.field()));
        return errors.stream().map(FieldError::reason).toList();
    }

    private static void ok(String name, Object value) {
        assertEquals(List.of(), check(name, value), name + " = " + value);
    }

    private static void bad(String name, Object value, String reasonPart) {
        List<String> reasons = check(name, value);
        assertEquals(1, reasons.size(), name + " = " + value + " should be refused");
        assertTrue(reasons.get(0).contains(reasonPart), reasons.get(0));
    }

    @Test
    void textLikeFields() {
        Map<String, Integer> limits = Map.of("text", FieldTypes.MAX_TEXT, "textarea", FieldTypes.MAX_TEXT,
                "person", FieldTypes.MAX_PERSON, "attachment", FieldTypes.MAX_ATTACHMENT);
        PEOPLE.add(TestPeople.person("x".repeat(FieldTypes.MAX_PERSON), "DE-BY"));
        for (String name : List.of("text", "textarea", "person", "attachment")) {
            int limit = limits.get(name);
            ok(name, name.equals("person") ? "anna" : "hello");
            ok(name, "x".repeat(limit));
            bad(name, "x".repeat(limit + 1), "at most " + limit);
            bad(name, 42, "must be text");
            bad(name, List.of("a"), "must be text");
        }
    }

    @Test
    void personFieldsNameActivePeopleOfTheDirectory() {
        ok("person", "hanna");
        bad("person", "nobody", "'nobody' is not in the directory");
        bad("person", "gone", "'gone' is no longer active");
        ok("team", List.of("anna", "marc"));
        ok("team", List.of()); // empty: not given, and the field is optional
        bad("team", List.of("anna"), "at least 2 people");
        bad("team", List.of("anna", "marc", "ina", "chris"), "at most 3 people");
        bad("team", List.of("anna", "anna"), "twice");
        ok("team", List.of("anna", "marc", "ina"));
        bad("team", List.of("anna", 5), "list of user names");
        bad("team", "anna", "list of user names");
        List<String> reasons = check("team", List.of("nobody", "gone"));
        assertEquals(List.of("'nobody' is not in the directory; 'gone' is no longer active"), reasons);
    }

    @Test
    void storedPeopleAreLookedUpOnlyWhenSentAgain() {
        Map<String, Object> stored = Map.of("person", "gone", "team", List.of("anna", "gone"));
        assertEquals(List.of(), validate(ALL_TYPES, stored, Set.of("text")), "a person who left does not block other changes");
        assertEquals(List.of("fields.person"), validate(ALL_TYPES, stored, Set.of("person")).stream().map(FieldError::field).toList());
    }

    @Test
    void numberField() {
        ok("number", 3);
        ok("number", 2.5);
        ok("number", 12345678901L);
        bad("number", "3", "must be a number");
        bad("number", true, "must be a number");
    }

    @Test
    void booleanField() {
        ok("boolean", true);
        ok("boolean", false);
        bad("boolean", "true", "true or false");
        bad("boolean", 1, "true or false");
    }

    @Test
    void dateField() {
        ok("date", "2026-03-31");
        ok("date", "2024-02-29");
        bad("date", "2026-02-30", "date like");
        bad("date", "31.03.2026", "date like");
        bad("date", "2026-03-31T10:00:00", "date like");
        bad("date", 20260331, "date like");
    }

    @Test
    void dateRangeField() {
        ok("range", Map.of("from", "2026-03-01", "to", "2026-03-31"));
        ok("range", Map.of("from", "2026-03-01", "to", "2026-03-01"));
        bad("range", Map.of("from", "2026-03-31", "to", "2026-03-01"), "must not end before it starts");
        bad("range", Map.of("from", "2026-03-01"), "\"from\": date");
        bad("range", Map.of("from", "2026-03-01", "to", "soon"), "\"from\": date");
        bad("range", "2026-03-01/2026-03-31", "\"from\": date");
    }

    @Test
    void choiceField() {
        ok("choice", "a");
        ok("choice", "b");
        bad("choice", "c", "must be one of a, b");
        bad("choice", "A", "must be one of");
        bad("choice", List.of("a"), "must be one of");
    }

    @Test
    void multiChoiceField() {
        ok("multi", List.of("x"));
        ok("multi", List.of("z", "x"));
        bad("multi", List.of("x", "w"), "list of values from x, y, z");
        bad("multi", "x", "list of values");
    }

    @Test
    void emptyValuesOfOptionalFieldsAreFine() {
        ok("text", "   ");
        ok("multi", List.of());
        ok("number", null);
    }

    @Test
    void unknownFieldsAreNamed() {
        Map<String, Object> values = Map.of("text", "ok", "colour", "red", "size", 3);
        List<FieldError> errors = validate(ALL_TYPES, values, values.keySet());
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(List.of("fields.colour", "fields.size"), errors.stream().map(FieldError::field).sorted().toList());
        assertTrue(errors.get(0).reason().contains("it.test"), errors.get(0).reason());
    }

    @Test
    void fieldTypeTheServerDoesNotKnow() {
        RequestType odd = type(field("odd", "colour", false));
        List<FieldError> errors = validate(odd, Map.of("odd", "red"));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).reason().contains("colour"));
    }

    private static final RequestType REQUIRED = type(
            field("service", "choice", true, "email", "vpn"),
            field("since", "date", true),
            field("tags", "multi-choice", true, "x", "y"),
            field("note", "text", false));

    @Test
    void completeModeRequiresEveryRequiredField() {
        List<FieldError> errors = validate(REQUIRED, Map.of());
        assertEquals(List.of("fields.service", "fields.since", "fields.tags"), errors.stream().map(FieldError::field).toList());
        errors.forEach(error -> assertEquals("is required", error.reason()));
    }

    @Test
    void blankAndEmptyCountAsMissing() {
        Map<String, Object> values = new HashMap<>();
        values.put("service", " ");
        values.put("since", null);
        values.put("tags", List.of());
        assertEquals(3, validate(REQUIRED, values, values.keySet()).size());
    }

    @Test
    void everyBadFieldIsListedNotOnlyTheFirst() {
        Map<String, Object> values = new HashMap<>();
        values.put("service", "fax");
        values.put("since", "yesterday");
        values.put("tags", List.of("x"));
        values.put("note", 5);
        values.put("extra", "?");
        List<String> fields = new ArrayList<>(validate(REQUIRED, values, values.keySet()).stream().map(FieldError::field).toList());
        fields.sort(null);
        assertEquals(List.of("fields.extra", "fields.note", "fields.service", "fields.since"), fields);
    }

    @Test
    void validCompleteForm() {
        assertEquals(List.of(), validate(REQUIRED, Map.of("service", "vpn", "since", "2026-01-02", "tags", List.of("y"))));
    }

    @Test
    void theValuesSentAreCheckedForUnknownAndComputedNames() {
        List<FieldError> errors = validate(REQUIRED, Map.of("service", "fax", "bogus", 1), Set.of("service", "bogus"));
        assertEquals(List.of("fields.bogus", "fields.service", "fields.since", "fields.tags"),
                errors.stream().map(FieldError::field).sorted().toList());
    }

    // ---------------------------------------------------------------- descriptor rules beyond types

    private static FormField rule(String name, String type, BigDecimal min, BigDecimal max, Integer minLength,
            Integer maxLength, String pattern, Condition requiredWhen, Condition shownWhen, String... options) {
        return new FormField(name, type, false, LABELS, Map.of(), options(options), null, min, max, minLength, maxLength,
                pattern, requiredWhen, shownWhen, false, false, null);
    }

    private static final RequestType CHANGE = type(
            field("changeType", "choice", true, "standard", "normal", "emergency"),
            rule("testPlan", "textarea", null, null, 10, null, null, new Condition("changeType", List.of("normal")),
                    new Condition("changeType", List.of("normal", "emergency"))),
            rule("users", "number", BigDecimal.ONE, BigDecimal.valueOf(500), null, null, null, null, null),
            rule("ticketRef", "text", null, null, null, 12, "IT-[0-9]+", null, null),
            rule("areas", "multi-choice", BigDecimal.ONE, BigDecimal.valueOf(2), null, null, null, null, null, "a", "b", "c"),
            new FormField("days", "number", false, LABELS, Map.of(), List.of(), null, null, null, null, null, null, null, null, true, false, null));

    private static List<FieldError> validate(RequestType type, Map<String, Object> values) {
        return validate(type, values, values.keySet());
    }

    @Test
    void requiredWhenAndShownWhen() {
        assertEquals(List.of("fields.testPlan"), fields(validate(CHANGE, Map.of("changeType", "normal"))));
        assertEquals(List.of(), validate(CHANGE, Map.of("changeType", "emergency")), "shown but not required");
        assertEquals(List.of(), validate(CHANGE, Map.of("changeType", "normal", "testPlan", "Run the smoke tests")));
        List<FieldError> hidden = validate(CHANGE, Map.of("changeType", "standard", "testPlan", "Run the smoke tests"));
        assertEquals(List.of("fields.testPlan"), fields(hidden));
        assertTrue(hidden.get(0).reason().contains("only asked for when changeType is one of normal, emergency"), hidden.get(0).reason());
    }

    @Test
    void numberBoundsLengthsPatternsAndSelectionCounts() {
        assertEquals(List.of("fields.users"), fields(validate(CHANGE, Map.of("changeType", "standard", "users", 0))));
        assertEquals(List.of("fields.users"), fields(validate(CHANGE, Map.of("changeType", "standard", "users", 500.5))));
        assertEquals(List.of(), validate(CHANGE, Map.of("changeType", "standard", "users", 500)));
        assertEquals(List.of("fields.testPlan"), fields(validate(CHANGE, Map.of("changeType", "normal", "testPlan", "too short"))));
        assertEquals(List.of("fields.ticketRef"), fields(validate(CHANGE, Map.of("changeType", "standard", "ticketRef", "HR-12"))));
        assertEquals(List.of("fields.ticketRef"), fields(validate(CHANGE, Map.of("changeType", "standard", "ticketRef", "IT-1234567890"))));
        assertEquals(List.of(), validate(CHANGE, Map.of("changeType", "standard", "ticketRef", "IT-42")));
        assertEquals(List.of("fields.areas"), fields(validate(CHANGE, Map.of("changeType", "standard", "areas", List.of("a", "b", "c")))));
        assertEquals(List.of("fields.areas"), fields(validate(CHANGE, Map.of("changeType", "standard", "areas", List.of("a", "a")))));
        assertEquals(List.of(), validate(CHANGE, Map.of("changeType", "standard", "areas", List.of("c"))));
    }

    @Test
    void computedFieldsCannotBeSentButMayBeStored() {
        assertEquals(List.of("fields.days"), fields(validate(CHANGE, Map.of("changeType", "standard", "days", 3))));
        assertEquals(List.of(), validate(CHANGE, Map.of("changeType", "standard", "days", 3), Set.of("changeType")));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).sorted().toList();
    }

    // ---------------------------------------------------------------- whole numbers, numbers that do not fit, times, date rules

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    private static FormField dated(String name, String type, boolean notInPast, Integer maxDays) {
        return new FormField(name, type, false, LABELS, Map.of(), List.of(), null, null, null, null, null, null, null, null,
                false, notInPast, maxDays);
    }

    private static FormField bounded(String name, String type, long min, long max) {
        return new FormField(name, type, false, LABELS, Map.of(), List.of(), null, BigDecimal.valueOf(min), BigDecimal.valueOf(max),
                null, null, null, null, null, false, false, null);
    }

    private static final RequestType RULED = type(
            bounded("attendees", "integer", 1, 200),
            field("count", "integer", false),
            field("time", "time", false),
            field("slot", "time-range", false),
            dated("day", "date", true, null),
            dated("leave", "date-range", true, 30),
            dated("span", "date-range", false, 3));

    private static List<String> reasons(String name, Object value, Set<String> changed) {
        Map<String, Object> values = new HashMap<>();
        values.put(name, value);
        List<FieldError> errors = FormValidator.withStaticOptions(PEOPLE::find, TODAY).validate(RULED, values, values.keySet(), changed);
        errors.forEach(error -> assertEquals("fields." + name, error.field()));
        return errors.stream().map(FieldError::reason).toList();
    }

    private static void accepted(String name, Object value) {
        assertEquals(List.of(), reasons(name, value, Set.of(name)), name + " = " + value);
    }

    private static void refused(String name, Object value, String reasonPart) {
        List<String> reasons = reasons(name, value, Set.of(name));
        assertEquals(1, reasons.size(), name + " = " + value + " should be refused");
        assertTrue(reasons.get(0).contains(reasonPart), reasons.get(0));
    }

    @Test
    void integerFieldTakesWholeNumbersOnly() {
        accepted("attendees", 12);
        accepted("attendees", 200L);
        accepted("count", new BigInteger("9223372036854775807"));
        accepted("count", -3);
        refused("attendees", 2.5, "whole number");
        refused("attendees", 2.0, "whole number");
        refused("attendees", new BigDecimal("3.0"), "whole number");
        refused("attendees", "3", "whole number");
        refused("attendees", true, "whole number");
        refused("attendees", 0, "at least 1");
        refused("attendees", 201, "at most 200");
        refused("count", new BigInteger("9223372036854775808"), "does not fit");
        refused("count", new BigInteger("-1" + "0".repeat(400)), "does not fit");
    }

    @Test
    void numbersThatDoNotFitAreRefusedNotStored() {
        ok("number", new BigDecimal("1.5e308"));
        ok("number", new BigDecimal("-2.5e-300"));
        ok("number", 0.0);
        bad("number", new BigDecimal("1e400"), "does not fit");
        bad("number", new BigDecimal("-1e400"), "does not fit");
        bad("number", new BigDecimal("1e-400"), "does not fit");
        bad("number", new BigInteger("1" + "0".repeat(400)), "does not fit");
        bad("number", Double.POSITIVE_INFINITY, "does not fit");
        bad("number", Double.NEGATIVE_INFINITY, "does not fit");
        bad("number", Double.NaN, "does not fit");
    }

    @Test
    void datesAreYearMonthDayOnly() {
        bad("date", "2026-1-5", "YYYY-MM-DD");
        bad("date", "2026-01-05T00:00:00Z", "YYYY-MM-DD");
        bad("date", "+2026-01-05", "YYYY-MM-DD");
        bad("date", " 2026-01-05", "YYYY-MM-DD");
        bad("range", Map.of("from", "2026-3-1", "to", "2026-03-31"), "YYYY-MM-DD");
        bad("range", Map.of("from", "2026-03-01", "to", "2026-03-31", "note", "x"), "\"from\": date");
    }

    @Test
    void timeField() {
        accepted("time", "08:00");
        accepted("time", "00:00");
        accepted("time", "23:59");
        refused("time", "8:00", "HH:MM");
        refused("time", "24:00", "HH:MM");
        refused("time", "08:60", "HH:MM");
        refused("time", "08:00:00", "HH:MM");
        refused("time", "8am", "HH:MM");
        refused("time", 800, "HH:MM");
    }

    @Test
    void timeRangeEndsAfterItStarts() {
        accepted("slot", Map.of("from", "08:00", "to", "12:30"));
        accepted("slot", Map.of("from", "00:00", "to", "23:59"));
        refused("slot", Map.of("from", "12:30", "to", "08:00"), "must end after it starts");
        refused("slot", Map.of("from", "09:00", "to", "09:00"), "must end after it starts");
        refused("slot", Map.of("from", "9:00", "to", "10:00"), "HH:MM");
        refused("slot", Map.of("from", "09:00"), "\"from\": time");
        refused("slot", "09:00-10:00", "\"from\": time");
    }

    @Test
    void notInPastComparesWithTodayOnTheServersClock() {
        accepted("day", "2026-11-29");
        accepted("day", "2027-01-01");
        refused("day", "2026-11-28", "must not be in the past (today is 2026-11-29)");
        accepted("leave", Map.of("from", "2026-11-29", "to", "2026-12-03"));
        refused("leave", Map.of("from", "2026-11-28", "to", "2026-12-03"), "must not start in the past");
    }

    @Test
    void notInPastAppliesOnlyToValuesThisRequestChanges() {
        assertEquals(List.of(), reasons("day", "2020-01-01", Set.of()), "a stored date may lie in the past by now");
        assertEquals(List.of(), reasons("leave", Map.of("from", "2020-01-01", "to", "2020-01-02"), Set.of()));
    }

    @Test
    void maxDaysCountsBothEnds() {
        accepted("span", Map.of("from", "2020-03-01", "to", "2020-03-03"));
        refused("span", Map.of("from", "2020-03-01", "to", "2020-03-04"), "at most 3 days, from and to included, not 4");
        accepted("leave", Map.of("from", "2026-12-01", "to", "2026-12-30"));
        refused("leave", Map.of("from", "2026-12-01", "to", "2026-12-31"), "at most 30 days");
        refused("span", Map.of("from", "2020-03-04", "to", "2020-03-01"), "must not end before it starts");
    }
}
