package org.atrium.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Set;

import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who is a manager (audiences admit managers): an active person names them as manager. On both databases. */
class DirectoryManagersTest {
    private static final String PEOPLE = String.join(",", PeopleCsv.COLUMNS) + "\n"
            + "marc,Marc Maier,,de,sales,,DE,DE-BY,employee,true,,,\n"
            + "anna,Anna Albrecht,,de,sales,marc,DE,DE-BY,employee,true,,,\n"
            + "chris,Chris Conrad,,en,it,,DE,DE-BE,employee;agent-it,true,,,\n"
            + "old.timer,Old Timer,,en,it,chris,DE,DE-BE,employee,false,,,\n";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aManagerIsWhomAnActivePersonNamesAsManager(Engine engine) throws Exception {
        try (TestDatabases databases = TestDatabases.open("managers-" + engine.name().toLowerCase(), engine)) {
            PeopleImporter importer = new PeopleImporter(databases.database());
            importer.importCsv(Caller.of("root", "admin"), new StringReader(PEOPLE));
            Directory directory = new DirectoryService(new DatabaseDirectoryProvider(databases.database()));
            assertTrue(directory.managesActivePeople("marc"), "anna's manager");
            assertFalse(directory.managesActivePeople("chris"), "manages only an inactive person");
            assertFalse(directory.managesActivePeople("anna"));
            assertFalse(directory.managesActivePeople("nobody"));
            assertFalse(directory.managesActivePeople(null));
            importer.importCsv(Caller.of("root", "admin"), new StringReader(PEOPLE.replace("marc,DE,DE-BY,employee,true", "marc,DE,DE-BY,employee,false")));
            assertFalse(directory.managesActivePeople("marc"), "anna left");
        }
    }

    @Test
    void aProviderWithoutItsOwnQueryIsAskedThroughSearch() {
        Directory directory = new TestPeople()
                .add(new Person("x", "X", null, "en", null, "marc", null, null, Set.of(), true, null))
                .add(new Person("y", "Y", null, "en", null, "lena", null, null, Set.of(), false, null))
                .directory();
        assertTrue(directory.managesActivePeople("marc"));
        assertFalse(directory.managesActivePeople("lena"), "y is inactive");
        assertFalse(directory.managesActivePeople("x"));
    }
}
