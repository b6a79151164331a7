package org.atrium.core.internal.directory;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.atrium.api.audit.AuditTrail;
import org.atrium.api.directory.ImportReport;
import org.atrium.api.directory.ImportReport.RefusedRow;
import org.atrium.api.directory.PeopleImport;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.access.PlatformAction;
import org.atrium.core.internal.access.TicketAccessPolicy;
import org.atrium.core.internal.audit.AuditRows;
import org.atrium.core.internal.directory.PeopleCsv.Row;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.PersonEntity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The CSV import into Atrium's own directory. Rows are upserted by id in one transaction: a row equal
 * to the stored person changes nothing (so the same file twice reports all unchanged), a bad row is
 * refused alone. People missing from the file are left as they are: deactivate them with active=false.
 */
@Component(service = PeopleImport.class)
public class PeopleImporter implements PeopleImport {
    private final Database db;
    private final Clock clock;

    @Activate
    public PeopleImporter(@Reference Database db) {
        this(db, Clock.systemUTC());
    }

    PeopleImporter(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public ImportReport importCsv(Caller caller, Reader csv) {
        TicketAccessPolicy.check(PlatformAction.IMPORT_PEOPLE, caller);
        PeopleCsv.Parsed parsed = PeopleCsv.parse(csv);
        Instant now = clock.instant();
        return db.inTransaction(em -> {
            Set<String> known = new HashSet<>(em.createQuery("SELECT p.login FROM PersonEntity p", String.class).getResultList());
            parsed.rows().forEach(row -> known.add(row.person().id()));
            List<RefusedRow> refused = new ArrayList<>(parsed.refused());
            List<String> created = new ArrayList<>();
            List<String> updated = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            for (Row row : parsed.rows()) {
                List<RefusedRow> problems = references(row, known);
                if (!problems.isEmpty()) {
                    refused.addAll(problems);
                    continue;
                }
                Person person = row.person();
                PersonEntity stored = em.createQuery("SELECT p FROM PersonEntity p WHERE p.login = :login", PersonEntity.class)
                        .setParameter("login", person.id()).getResultList().stream().findFirst().orElse(null);
                if (stored == null) {
                    PersonEntity entity = new PersonEntity(person.id());
                    entity.update(person, now);
                    em.persist(entity);
                    created.add(person.id());
                } else if (stored.update(person, now)) {
                    updated.add(person.id());
                } else {
                    unchanged.add(person.id());
                }
            }
            refused.sort(Comparator.comparingInt(RefusedRow::line));
            if (!created.isEmpty() || !updated.isEmpty()) {
                AuditRows.record(em, now, caller.user(), AuditTrail.PEOPLE_IMPORTED, null, null, null, false);
            }
            return new ImportReport(created, updated, unchanged, refused);
        });
    }

    /** Manager and delegate must be people of the directory or of this file. */
    private static List<RefusedRow> references(Row row, Set<String> known) {
        List<RefusedRow> problems = new ArrayList<>();
        Person person = row.person();
        if (person.manager() != null && !known.contains(person.manager())) {
            problems.add(new RefusedRow(row.line(), "manager", "'" + person.manager() + "' is not in the directory or this file"));
        }
        if (person.outOfOffice() != null && !known.contains(person.outOfOffice().delegate())) {
            problems.add(new RefusedRow(row.line(), "outOfOfficeDelegate",
                    "'" + person.outOfOffice().delegate() + "' is not in the directory or this file"));
        }
        return problems;
    }
}
