package org.atrium.core.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;

import org.atrium.api.ConflictException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static TestDatabases databases;
    private static Database db;

    @BeforeAll
    static void open() throws SQLException {
        databases = TestDatabases.open("database");
        db = databases.database();
    }

    @AfterAll
    static void close() {
        databases.close();
    }

    @BeforeEach
    void clear() {
        databases.clear();
    }

    private static TicketEntity ticket(long number) {
        TicketEntity t = new TicketEntity();
        t.setKey("IT-" + number);
        t.setKeyPrefix("IT");
        t.setKeyNumber(number);
        t.setTypeKey("it.incident");
        t.setTypeVersion(1);
        t.setDepartment("it");
        t.setSummary("Printer on fire");
        t.setRequester("anna");
        t.setStatus("new");
        t.setStatusCategory("open");
        t.setImpact("medium");
        t.setUrgency("medium");
        t.setPriority(3);
        t.setConfidential(false);
        t.setFieldsJson("{}");
        t.setCreatedAt(NOW);
        t.setUpdatedAt(NOW);
        return t;
    }

    @Test
    void commitsAndReadsBack() {
        long id = db.inTransaction(em -> {
            TicketEntity t = ticket(1);
            em.persist(t);
            em.flush(); // no JPA relationship tells EclipseLink that history rows must follow their ticket
            em.persist(new HistoryEntity(t.getId(), NOW, "anna", "created", "status", null, "new"));
            return t.getId();
        });
        assertEquals(1, databases.count("ticket"));
        assertEquals(1, databases.count("ticket_history"));
        TicketEntity read = db.read(em -> em.find(TicketEntity.class, id));
        assertEquals("IT-1", read.getKey());
        assertEquals(NOW, read.getCreatedAt(), "Instant survives the round trip through TIMESTAMP");
        assertEquals(false, read.isConfidential());
        assertEquals(1, read.getVersion());
    }

    @Test
    void failingUnitOfWorkLeavesNothingBehind() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.inTransaction(em -> {
            TicketEntity t = ticket(1);
            em.persist(t);
            em.flush();
            em.persist(new HistoryEntity(t.getId(), NOW, "anna", "created", "status", null, "new"));
            em.flush(); // both rows reached the database inside the transaction
            throw boom;
        }));
        assertSame(boom, thrown, "the unit of work's own exception comes out");
        assertEquals(0, databases.count("ticket"));
        assertEquals(0, databases.count("ticket_history"));
        assertEquals(0L, (long) db.read(em -> em.createQuery("SELECT COUNT(t) FROM TicketEntity t", Long.class).getSingleResult()));

        // and the database is still usable afterwards
        db.inTransaction(em -> {
            em.persist(ticket(1));
            return null;
        });
        assertEquals(1, databases.count("ticket"));
    }

    @Test
    void staleWriteBecomesConflictWithoutVersion() {
        long id = db.inTransaction(em -> {
            TicketEntity t = ticket(1);
            em.persist(t);
            return t.getId();
        });
        ConflictException e = assertThrows(ConflictException.class, () -> db.inTransaction(em -> {
            TicketEntity mine = em.find(TicketEntity.class, id);
            // someone else commits a change in between
            db.inTransaction(other -> {
                other.find(TicketEntity.class, id).setSummary("Theirs");
                return null;
            });
            mine.setSummary("Mine");
            return null;
        }));
        assertNull(e.currentVersion(), "Database cannot know the version; the service looks it up");
        TicketEntity stored = db.read(em -> em.find(TicketEntity.class, id));
        assertEquals("Theirs", stored.getSummary());
        assertEquals(2, stored.getVersion());
        assertTrue(e.getMessage().contains("changed by someone else"), e.getMessage());
    }
}
