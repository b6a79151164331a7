package org.atrium.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.atrium.api.ConflictException;
import org.atrium.api.FieldError;
import org.atrium.api.NotFoundException;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.DirectoryProvider;
import org.atrium.api.directory.OutOfOffice;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person sets and clears their own absence; the delegate is checked; a provider that cannot store it refuses. */
class OutOfOfficeTest {
    private static final Caller MARC = Caller.of("marc", "employee", "approver");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 22);
    private static TestDatabases databases;
    private Directory directory;

    @BeforeAll
    static void open() throws Exception {
        databases = TestDatabases.open("out-of-office");
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void fresh() {
        databases.clear();
        new PeopleImporter(databases.database()).importCsv(Caller.of("admin", "admin"), new StringReader(
                String.join(",", PeopleCsv.COLUMNS) + "\n"
                        + "anna,Anna Albrecht,,de,sales,marc,DE,DE-BY,employee,true,,,\n"
                        + "marc,Marc Maier,,de,sales,,DE,DE-BY,employee;approver,true,,,\n"
                        + "chris,Chris Conrad,,en,it,,DE,DE-BE,employee;agent-it,true,,,\n"
                        + "old.timer,Old Timer,,en,it,,DE,DE-BE,employee,false,,,\n"));
        directory = new DirectoryService(new DatabaseDirectoryProvider(databases.database()));
    }

    @Test
    void anAbsenceSetHandsApprovalsToTheDelegateAndClearingEndsIt() {
        directory.setOutOfOffice(MARC, new OutOfOffice("chris", DAY, DAY.plusDays(14)));
        assertEquals("chris", directory.actingFor("marc", DAY).orElseThrow().id());
        assertEquals(List.of("marc"), directory.actingThrough("chris", DAY).stream().map(Person::id).toList());
        directory.setOutOfOffice(MARC, null);
        assertNull(directory.find("marc").orElseThrow().outOfOffice());
        assertEquals("marc", directory.actingFor("marc", DAY).orElseThrow().id());
    }

    @Test
    void theDelegateMustBeAnotherActivePerson() {
        assertEquals(List.of(new FieldError("delegate", "must be someone other than you")), assertThrows(ValidationException.class,
                () -> directory.setOutOfOffice(MARC, new OutOfOffice("marc", DAY, DAY))).errors());
        for (String nobody : new String[] {"old.timer", "nobody"}) {
            assertEquals(List.of(new FieldError("delegate", "must be an active person of the directory")),
                    assertThrows(ValidationException.class, () -> directory.setOutOfOffice(MARC, new OutOfOffice(nobody, DAY, DAY))).errors());
        }
        assertNull(directory.find("marc").orElseThrow().outOfOffice(), "nothing changed");
    }

    @Test
    void someoneNotInTheDirectoryHasNoAbsenceToSet() {
        assertThrows(NotFoundException.class, () -> directory.setOutOfOffice(Caller.of("stranger", "employee"),
                new OutOfOffice("chris", DAY, DAY)));
    }

    @Test
    void aProviderThatCannotStoreAbsencesRefusesWithAConflict() {
        DirectoryProvider readOnly = new DirectoryProvider() {
            @Override
            public Optional<Person> find(String id) {
                return Optional.empty();
            }

            @Override
            public List<Person> search(String text, int limit) {
                return List.of();
            }
        };
        assertThrows(ConflictException.class,
                () -> new DirectoryService(readOnly).setOutOfOffice(MARC, new OutOfOffice("chris", DAY, DAY)));
    }
}
