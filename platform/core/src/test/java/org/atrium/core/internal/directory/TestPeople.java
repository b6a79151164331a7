package org.atrium.core.internal.directory;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.atrium.api.directory.Directory;
import org.atrium.api.directory.DirectoryProvider;
import org.atrium.api.directory.OutOfOffice;
import org.atrium.api.directory.Person;

/** An in-memory directory for tests that are not about the directory's storage. */
public final class TestPeople implements DirectoryProvider {
    private final Map<String, Person> people = new LinkedHashMap<>();

    public static Person person(String id, String region, String... roles) {
        return new Person(id, id.substring(0, 1).toUpperCase() + id.substring(1), id + "@example.com", "en", "sales", null,
                "DE", region, Set.of(roles), true, null);
    }

    public static Person inactive(String id) {
        return new Person(id, id, null, "en", null, null, null, null, Set.of("employee"), false, null);
    }

    public static Person away(String id, String delegate, String from, String until) {
        return new Person(id, id, null, "en", null, null, "DE", "DE-BY", Set.of("employee"), true,
                new OutOfOffice(delegate, LocalDate.parse(from), LocalDate.parse(until)));
    }

    /** The demo cast's ids and roles, plus an inactive {@code gone}. */
    public static TestPeople demo() {
        return new TestPeople()
                .add(person("anna", "DE-BY", "employee"))
                .add(person("marc", "DE-BY", "employee", "approver"))
                .add(person("ina", "DE-BE", "employee", "agent-it", "cab"))
                .add(person("chris", "DE-BE", "employee", "agent-it", "cab", "change-manager"))
                .add(person("hanna", "DE-BY", "employee", "agent-hr"))
                .add(person("felix", "DE-HH", "employee", "agent-facility"))
                .add(person("admin", "DE-BE", "employee", "admin"))
                .add(inactive("gone"));
    }

    public TestPeople add(Person person) {
        people.put(person.id(), person);
        return this;
    }

    public Directory directory() {
        return new DirectoryService(this);
    }

    @Override
    public Optional<Person> find(String id) {
        return Optional.ofNullable(people.get(id));
    }

    @Override
    public List<Person> search(String text, int limit) {
        return people.values().stream().filter(Person::active).filter(p -> p.id().contains(text)).limit(limit).toList();
    }

    /** Stores people in Atrium's own directory through the CSV import (rows without the header). */
    public static void store(org.atrium.core.internal.persistence.Database db, String... rows) {
        String csv = String.join(",", PeopleCsv.COLUMNS) + "\n" + String.join("\n", rows) + "\n";
        var report = new PeopleImporter(db).importCsv(org.atrium.api.security.Caller.of("root", "admin"), new java.io.StringReader(csv));
        if (!report.refused().isEmpty()) {
            throw new IllegalArgumentException("Test people refused: " + report.refused());
        }
    }

    /** An active agent of IT in Atrium's own directory. */
    public static final String CARL = "carl,Carl Agent,carl@example.com,en,it,,DE,DE-BE,employee;agent-it,true,,,";
}
