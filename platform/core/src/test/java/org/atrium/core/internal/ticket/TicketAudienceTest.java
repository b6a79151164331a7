package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.NewTicket;
import org.atrium.api.ticket.Ticket;
import org.atrium.core.internal.catalog.RequestTypeCatalog;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.directory.TestPeople;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filing a type with an audience: refused before anything is stored, accepted for the right people. */
class TicketAudienceTest {
    static final Caller ANNA = Caller.of("anna", "employee");
    static final Caller MARC = Caller.of("marc", "employee", "approver");
    static final Caller HANNA = Caller.of("hanna", "employee", "agent-hr");

    static final String OFFBOARDING = """
            {"key": "hr.offboarding", "department": "hr", "category": "service-request", "keyPrefix": "HR", "schemaVersion": 1,
             "confidential": true, "names": {"de": "Austritt", "en": "Offboarding"},
             "audience": {"anyOf": ["agents", {"managerOf": "employee"}]},
             "fields": [{"name": "employee", "type": "person", "required": true, "labels": {"de": "Person", "en": "Employee"}}]}
            """;

    private static TestDatabases databases;
    private static RequestTypeCatalog catalog;
    private TicketServiceImpl service;

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("audience");
        catalog = TestCatalogs.catalog(OFFBOARDING);
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        TestPeople.store(databases.database(),
                "marc,Marc Maier,,de,sales,,DE,DE-BY,employee;approver,true,,,",
                "anna,Anna Albrecht,,de,sales,marc,DE,DE-BY,employee,true,,,",
                "ben,Ben Berg,,de,sales,anna,DE,DE-BY,employee,false,,,",
                "hanna,Hanna Huber,,de,hr,,DE,DE-BY,employee;agent-hr,true,,,");
        service = new TicketServiceImpl(databases.database(), catalog, new TicketServiceImplTest.TickingClock());
    }

    private Ticket offboard(Caller who, String employee) {
        return service.create(who, new NewTicket("hr.offboarding", "Leaving", null, null, null, Map.of("employee", employee)));
    }

    private int stored() {
        return databases.database().read(em -> em.createQuery("SELECT COUNT(t) FROM TicketEntity t", Long.class)
                .getSingleResult()).intValue();
    }

    @Test
    void anEmployeeWhoManagesNoOneIsForbidden() {
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> offboard(ANNA, "marc"));
        assertTrue(e.getMessage().contains("anna is none of these"), e.getMessage());
        assertThrows(ForbiddenException.class, () -> offboard(ANNA, "ben"), "ben is inactive: anna manages no active person");
        assertEquals(0, stored());
    }

    @Test
    void theManagerFilesForTheirOwnPeopleOnly() {
        assertEquals("anna", offboard(MARC, "anna").fields().get("employee"));
        ValidationException e = assertThrows(ValidationException.class, () -> offboard(MARC, "hanna"));
        assertEquals(List.of("fields.employee"), e.errors().stream().map(FieldError::field).toList());
        assertEquals(1, stored());
    }

    @Test
    void theDepartmentsAgentsFileForAnyone() {
        assertEquals("HR-1", offboard(HANNA, "marc").key());
        assertEquals("HR-2", offboard(HANNA, "anna").key());
    }
}
