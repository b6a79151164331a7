package org.atrium.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.ImportReport;
import org.atrium.api.directory.ImportReport.RefusedRow;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CSV import, search and delegation of Atrium's own directory, on the real persistence unit and Derby. */
class DirectoryTest {
    private static final Caller ADMIN = Caller.of("admin", "admin");
    private static final String HEADER = String.join(",", PeopleCsv.COLUMNS) + "\n";
    private static final String GOOD = HEADER
            + "anna,Anna Albrecht,anna@example.com,de,sales,marc,DE,DE-BY,employee,true,,,\n"
            + "marc,Marc Maier,marc@example.com,de,sales,,DE,DE-BY,employee;approver,true,chris,2026-12-21,2027-01-06\n"
            + "chris,Chris Conrad,chris@example.com,en,it,,DE,DE-BE,employee agent-it,true,,,\n"
            + "old.timer,\"Timer, Old\",,en,it,,DE,DE-BE,employee,false,,,\n";
    private static TestDatabases databases;
    private PeopleImporter importer;
    private Directory directory;

    @BeforeAll
    static void open() throws Exception {
        databases = TestDatabases.open("directory");
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        importer = new PeopleImporter(databases.database());
        directory = new DirectoryService(new DatabaseDirectoryProvider(databases.database()));
    }

    private ImportReport importCsv(String csv) {
        return importer.importCsv(ADMIN, new StringReader(csv));
    }

    @Test
    void aGoodFileCreatesEveryoneAndTheSameFileAgainChangesNothing() {
        String csv = GOOD;
        ImportReport first = importCsv(csv);
        assertEquals(List.of("anna", "marc", "chris", "old.timer"), first.created());
        assertEquals(List.of(), first.refused());
        Person marc = directory.find("marc").orElseThrow();
        assertEquals(java.util.Set.of("employee", "approver"), marc.roles());
        assertEquals("chris", marc.outOfOffice().delegate());
        assertTrue(directory.find("chris").orElseThrow().isAgentOf("it"), "roles split at spaces too");

        ImportReport second = importCsv(csv);
        assertEquals(List.of(), second.created());
        assertEquals(List.of(), second.updated());
        assertEquals(List.of("anna", "marc", "chris", "old.timer"), second.unchanged());

        ImportReport changed = importCsv(csv.replace("Anna Albrecht", "Anna Berg"));
        assertEquals(List.of("anna"), changed.updated());
        assertEquals("Anna Berg", directory.find("anna").orElseThrow().displayName());
    }

    @Test
    void badRowsAreRefusedWithLineAndColumnAndTheOthersImported() {
        ImportReport report = importCsv(HEADER
                + "anna,Anna,,de,sales,,DE,DE-BY,employee,true,,,\n"
                + "bob,,,xx,sales,,DE,DE-BY,employee,true,,,\n"
                + "carl,Carl,not-an-email,de,sales,nobody,DE,BY,employee,maybe,,,\n"
                + "anna,Anna again,,de,sales,,DE,DE-BY,employee,true,,,\n"
                + "dora,Dora,,de,sales,,DE,DE-BY,employee,true,anna,2026-01-10,2026-01-01\n"
                + "emil,Emil,,de,sales,ghost,DE,DE-BY,employee,true,,,\n"
                + "short,row\n");
        assertEquals(List.of("anna"), report.created());
        List<RefusedRow> refused = report.refused();
        assertTrue(refused.contains(new RefusedRow(3, "displayName", "is required")), refused.toString());
        assertTrue(refused.contains(new RefusedRow(3, "language", "must be de or en")), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> r.line() == 4 && r.column().equals("email")), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> r.line() == 4 && r.column().equals("region")), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> r.line() == 4 && r.column().equals("active")), refused.toString());
        assertTrue(refused.contains(new RefusedRow(5, "id", "appears in an earlier row of this file")), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> r.line() == 6 && r.column().equals("outOfOfficeUntil")), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> r.line() == 7 && r.column().equals("manager")), refused.toString());
        assertTrue(refused.stream().anyMatch(r -> r.line() == 8), refused.toString());
        assertEquals(1, databases.count("person"));
    }

    @Test
    void theShippedDemoCompanyLoadsIntoAnEmptyDirectoryOnly() {
        // demo mode's company (platform/demo), read as an installation's etc/atrium-people.csv would be
        java.nio.file.Path demo = java.nio.file.Path.of("../demo/src/main/resources/demo/people.csv");
        ImportReport report = DemoPeople.loadIfEmpty(databases.database(), importer, demo);
        assertEquals(List.of("anna", "marc", "ina", "chris", "hanna", "felix", "admin"), report.created());
        assertEquals(List.of(), report.refused());
        assertEquals("marc", directory.find("anna").orElseThrow().manager());
        assertEquals("chris", directory.actingFor("marc", LocalDate.parse("2026-12-24")).orElseThrow().id());
        assertTrue(directory.find("hanna").orElseThrow().isAgentOf("hr"));
        assertEquals(null, DemoPeople.loadIfEmpty(databases.database(), importer, demo), "not read again once people exist");
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheHeader() {
        assertEquals(List.of("anna", "marc", "chris", "old.timer"), importCsv("\uFEFF" + GOOD).created());
    }

    @Test
    void aMalformedFileImportsNothing() {
        for (String csv : List.of("", "name;mail\nanna;a@b.c\n", HEADER.replace("email", "mail") + "anna,Anna,,de,,,,,,,,,\n",
                GOOD + "\"broken,quote\n", "\u007fELF\u0002\u0001\u0000,x\n")) {
            ValidationException e = assertThrows(ValidationException.class, () -> importCsv(csv), csv);
            assertEquals("file", e.errors().get(0).field());
            assertFalse(e.errors().get(0).reason().chars().anyMatch(Character::isISOControl), "no raw bytes echoed");
        }
        assertEquals(0, databases.count("person"));
    }

    @Test
    void onlyAdministratorsImport() {
        assertThrows(ForbiddenException.class, () -> importer.importCsv(Caller.of("anna", "employee", "agent-hr"),
                new StringReader(GOOD)));
        assertEquals(0, databases.count("person"));
    }

    @Test
    void searchFindsActivePeopleByIdNameOrMail() {
        importCsv(GOOD);
        assertEquals(List.of("anna"), ids(directory.search("ALBRECHT", 10)));
        assertEquals(List.of("chris"), ids(directory.search("chris@", 10)));
        assertEquals(List.of("anna", "chris", "marc"), ids(directory.search("", 10)), "by display name; inactive left out");
        assertEquals(List.of("anna"), ids(directory.search(null, 1)));
        assertEquals(List.of(), ids(directory.search("%", 10)), "a typed % is no wildcard");
        Person old = directory.find("old.timer").orElseThrow();
        assertFalse(old.active());
        assertEquals("Timer, Old", old.displayName());
        ValidationException e = assertThrows(ValidationException.class, () -> directory.search("a", 0));
        assertEquals(List.of(new FieldError("limit", "must be between 1 and 100")), e.errors());
    }

    @Test
    void theDelegateActsWhileThePersonIsAway() {
        importCsv(GOOD);
        assertEquals("marc", directory.actingFor("marc", LocalDate.parse("2026-12-20")).orElseThrow().id());
        assertEquals("chris", directory.actingFor("marc", LocalDate.parse("2026-12-21")).orElseThrow().id());
        assertEquals("chris", directory.actingFor("marc", LocalDate.parse("2027-01-06")).orElseThrow().id());
        assertEquals("marc", directory.actingFor("marc", LocalDate.parse("2027-01-07")).orElseThrow().id());
        importCsv(GOOD.replace("employee agent-it,true", "employee agent-it,false"));
        assertEquals("marc", directory.actingFor("marc", LocalDate.parse("2026-12-24")).orElseThrow().id(),
                "an inactive delegate does not act");
        assertTrue(directory.actingFor("nobody", LocalDate.parse("2026-12-24")).isEmpty());
    }

    private static List<String> ids(List<Person> people) {
        return people.stream().map(Person::id).toList();
    }
}
