package org.atrium.core.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.catalog.Audience;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.directory.TestPeople;
import org.junit.jupiter.api.Test;

/** Who may file a type: the catalog's filter and the checks on filing, against an in-memory directory. */
class AudienceRuleTest {
    static final Caller ANNA = Caller.of("anna", "employee");
    static final Caller MARC = Caller.of("marc", "employee", "approver");
    static final Caller HANNA = Caller.of("hanna", "employee", "agent-hr");
    static final Caller INA = Caller.of("ina", "employee", "agent-it", "cab");
    static final Caller LENA = Caller.of("lena", "employee");

    private final AudienceRule rule = new AudienceRule(new TestPeople()
            .add(report("anna", "marc", true))
            .add(report("marc", "lena", true))
            .add(report("hanna", "lena", true))
            .add(report("ina", "tom", true))
            .add(report("tom", null, true))
            .add(report("gone", "ina", false))
            .add(report("lena", null, true))
            .directory());

    private static Person report(String id, String manager, boolean active) {
        return new Person(id, id, null, "en", "sales", manager, "DE", "DE-BY", Set.of("employee"), active, null);
    }

    private static RequestType type(String key, Audience audience) {
        return new RequestType(key, "hr", "service-request", "HR", Map.of("de", key, "en", key), Map.of(), List.of(), 1,
                true, List.of(), List.of(), null, List.of(), "b", audience, List.of());
    }

    static final RequestType LEAVE = type("hr.leave", null);
    static final RequestType OFFBOARDING = type("hr.offboarding", new Audience(false, true, false, Set.of(), List.of("employee")));
    static final RequestType ONBOARDING = type("hr.onboarding", new Audience(false, true, true, Set.of(), List.of()));
    static final RequestType CAB = type("hr.cab-only", new Audience(false, false, false, Set.of("cab"), List.of()));

    private List<String> catalog(Caller caller) {
        return rule.usable(caller, List.of(LEAVE, OFFBOARDING, ONBOARDING, CAB)).stream().map(RequestType::key).toList();
    }

    @Test
    void theCatalogListsWhatTheCallerMayFile() {
        assertEquals(List.of("hr.leave"), catalog(ANNA));
        assertEquals(List.of("hr.leave", "hr.offboarding", "hr.onboarding"), catalog(MARC));
        assertEquals(List.of("hr.leave", "hr.offboarding", "hr.onboarding"), catalog(HANNA));
        assertEquals(List.of("hr.leave", "hr.cab-only"), catalog(INA), "ina manages only an inactive person");
        assertEquals(List.of("hr.leave", "hr.offboarding", "hr.onboarding"), catalog(LENA));
        for (Caller caller : List.of(ANNA, MARC, HANNA, INA, LENA)) {
            for (RequestType type : List.of(LEAVE, OFFBOARDING, ONBOARDING, CAB)) {
                assertEquals(catalog(caller).contains(type.key()), rule.mayUse(caller, type), caller.user() + " " + type.key());
            }
        }
    }

    @Test
    void aCallerOutsideTheAudienceIsForbiddenWithTheReason() {
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> rule.checkMayFile(ANNA, OFFBOARDING));
        assertEquals("hr.offboarding may be filed only by agents of hr (role agent-hr), the manager of the person in"
                + " fields.employee; anna is none of these", e.getMessage());
        assertThrows(ForbiddenException.class, () -> rule.checkMayFile(INA, ONBOARDING));
        assertThrows(ForbiddenException.class, () -> rule.checkMayFile(MARC, CAB));
        assertDoesNotThrow(() -> rule.checkMayFile(MARC, OFFBOARDING));
        assertDoesNotThrow(() -> rule.checkMayFile(ANNA, LEAVE));
        assertDoesNotThrow(() -> rule.checkMayFile(HANNA, OFFBOARDING));
    }

    private List<FieldError> people(Caller caller, RequestType type, String employee) {
        Map<String, Object> values = new HashMap<>();
        if (employee != null) {
            values.put("employee", employee);
        }
        List<FieldError> errors = new ArrayList<>();
        rule.checkPeople(caller, type, values, errors);
        return errors;
    }

    @Test
    void aManagerFilesOnlyForTheirOwnPeople() {
        assertEquals(List.of(), people(MARC, OFFBOARDING, "anna"));
        assertEquals(List.of(), people(LENA, OFFBOARDING, "marc"));
        List<FieldError> errors = people(MARC, OFFBOARDING, "hanna");
        assertEquals(1, errors.size());
        assertEquals("fields.employee", errors.get(0).field());
        assertTrue(errors.get(0).reason().startsWith("'hanna' is not managed by marc"), errors.get(0).reason());
        FieldError missing = people(MARC, OFFBOARDING, null).get(0);
        assertEquals("fields.employee", missing.field());
        assertTrue(missing.reason().startsWith("is required: name a person you manage (hr.offboarding may be filed only by"), missing.reason());
        assertEquals("fields.employee", people(MARC, OFFBOARDING, "nobody").get(0).field());
        assertEquals(List.of(), people(HANNA, OFFBOARDING, "tom"), "HR files for anyone");
        assertEquals(List.of(), people(MARC, ONBOARDING, null), "no managerOf: nothing to check");
    }

    @Test
    void aFieldWithAnErrorAlreadyGetsNoSecondOne() {
        List<FieldError> errors = new ArrayList<>(List.of(new FieldError("fields.employee", "is required")));
        rule.checkPeople(MARC, OFFBOARDING, Map.of(), errors);
        assertEquals(1, errors.size());
    }

    @Test
    void theManagerOfAnyNamedFieldIsEnough() {
        RequestType twoPeople = type("hr.swap", new Audience(false, false, false, Set.of(), List.of("employee", "deputy")));
        List<FieldError> errors = new ArrayList<>();
        rule.checkPeople(MARC, twoPeople, Map.of("employee", "tom", "deputy", "anna"), errors);
        assertEquals(List.of(), errors);
        assertFalse(rule.mayUse(ANNA, twoPeople));
    }
}
