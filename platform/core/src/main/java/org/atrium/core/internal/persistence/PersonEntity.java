package org.atrium.core.internal.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.PrePersist;
import javax.persistence.Table;

import org.atrium.api.directory.OutOfOffice;
import org.atrium.api.directory.Person;

/** A person of Atrium's own directory (table {@code person}, migration V5). */
@Entity
@Table(name = "person")
public class PersonEntity {
    private static final String ROLE_SEPARATOR = ";";

    /** The stable person id (V13); set from the login when the row is first stored. */
    @Id
    private String id;
    /** The login (the pseudonym once erased): what the Person record and the API call the person's id. */
    @Column(nullable = false)
    private String login;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    private String email;
    @Column(nullable = false)
    private String language;
    private String department;
    @Convert(converter = PersonColumn.class)
    private String manager;
    private String country;
    private String region;
    @Column(nullable = false)
    private String roles;
    @Column(nullable = false)
    private boolean active;
    @Convert(converter = PersonColumn.class)
    @Column(name = "ooo_delegate")
    private String oooDelegate;
    @Column(name = "ooo_from")
    private String oooFrom;
    @Column(name = "ooo_until")
    private String oooUntil;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PersonEntity() {
    }

    public PersonEntity(String login) {
        this.login = login;
    }

    @PrePersist
    void takeStableId() {
        if (id == null) {
            id = PersonIds.current().idOf(login);
        }
    }

    public Person toPerson() {
        OutOfOffice away = oooDelegate == null ? null
                : new OutOfOffice(oooDelegate, LocalDate.parse(oooFrom), LocalDate.parse(oooUntil));
        Set<String> roleSet = roles.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(roles.split(ROLE_SEPARATOR)));
        return new Person(login, displayName, email, language, department, manager, country, region, roleSet, active, away);
    }

    /** Takes over every attribute of the person; returns whether anything changed. */
    public boolean update(Person person, Instant now) {
        PersonEntity before = copy();
        displayName = person.displayName();
        email = person.email();
        language = person.language();
        department = person.department();
        manager = person.manager();
        country = person.country();
        region = person.region();
        roles = person.roles().stream().collect(Collectors.toCollection(TreeSet::new)).stream()
                .collect(Collectors.joining(ROLE_SEPARATOR));
        active = person.active();
        OutOfOffice away = person.outOfOffice();
        oooDelegate = away == null ? null : away.delegate();
        oooFrom = away == null ? null : away.from().toString();
        oooUntil = away == null ? null : away.until().toString();
        boolean changed = !sameAs(before);
        if (changed || updatedAt == null) {
            updatedAt = now;
        }
        return changed;
    }

    private PersonEntity copy() {
        PersonEntity copy = new PersonEntity(login);
        copy.displayName = displayName;
        copy.email = email;
        copy.language = language;
        copy.department = department;
        copy.manager = manager;
        copy.country = country;
        copy.region = region;
        copy.roles = roles;
        copy.active = active;
        copy.oooDelegate = oooDelegate;
        copy.oooFrom = oooFrom;
        copy.oooUntil = oooUntil;
        return copy;
    }

    private boolean sameAs(PersonEntity other) {
        return Objects.equals(displayName, other.displayName) && Objects.equals(email, other.email)
                && Objects.equals(language, other.language) && Objects.equals(department, other.department)
                && Objects.equals(manager, other.manager) && Objects.equals(country, other.country)
                && Objects.equals(region, other.region) && Objects.equals(roles, other.roles) && active == other.active
                && Objects.equals(oooDelegate, other.oooDelegate) && Objects.equals(oooFrom, other.oooFrom)
                && Objects.equals(oooUntil, other.oooUntil);
    }

    /** The stable person id. */
    public String getId() { return id; }
    public String getLogin() { return login; }

    /** Erasure: every attribute that identifies the person replaced; the row stays (inactive) so that the id resolves. */
    public void pseudonymise(String pseudonym, Instant now) {
        login = pseudonym;
        displayName = pseudonym;
        email = null;
        manager = null;
        oooDelegate = null;
        oooFrom = null;
        oooUntil = null;
        active = false;
        roles = "";
        updatedAt = now;
    }
}
