package org.atrium.core.internal.directory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.atrium.api.AtriumException;
import org.atrium.api.directory.ImportReport;
import org.atrium.api.directory.PeopleImport;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty directory from {@code etc/atrium-people.csv} at start (the distribution ships the demo
 * company there; demo only). Once anyone is in the directory the file is not read again: later
 * changes go through the admin import. Runs while the built-in provider activates, so that the
 * directory (and the REST API that needs it) is offered only once the people are in.
 */
final class DemoPeople {
    static final String FILE = "atrium-people.csv";
    private static final Logger LOG = LoggerFactory.getLogger(DemoPeople.class);
    /** The import runs with administrator rights on behalf of the server itself. */
    private static final Caller SYSTEM = Caller.of("system", Caller.ADMIN);

    private DemoPeople() {
    }

    /** In Karaf: loads {@code ${karaf.etc}/atrium-people.csv} into an empty directory. */
    static void loadFromKarafEtc(Database db) {
        String etc = System.getProperty("karaf.etc");
        if (etc != null) {
            loadIfEmpty(db, new PeopleImporter(db), Path.of(etc, FILE));
        }
    }

    /** Returns the report, or null when nothing was read (directory not empty, or no file). */
    static ImportReport loadIfEmpty(Database db, PeopleImport importer, Path file) {
        long people = db.read(em -> em.createQuery("SELECT COUNT(p) FROM PersonEntity p", Long.class).getSingleResult());
        if (people > 0 || !Files.isRegularFile(file)) {
            return null;
        }
        try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ImportReport report = importer.importCsv(SYSTEM, csv);
            LOG.info("Directory was empty: imported {} people from {} ({} rows refused)", report.created().size(), file,
                    report.refused().size());
            report.refused().forEach(row -> LOG.warn("{} line {}, column {}: {}", file, row.line(), row.column(), row.reason()));
            return report;
        } catch (IOException | AtriumException e) {
            LOG.error("Could not import the people of {}", file, e);
            return null;
        } catch (RuntimeException e) {
            // several nodes starting on one empty database import at once: one wins, the others meet its rows
            if (db.read(em -> em.createQuery("SELECT COUNT(p) FROM PersonEntity p", Long.class).getSingleResult()) > 0) {
                LOG.info("Another node imported the people of {} at the same time; this node uses theirs", file);
                return null;
            }
            throw e;
        }
    }
}
