package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;

import org.atrium.api.ValidationException;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cursor key is the installation's: created once in the database and the same for every node on it. */
class CursorKeyTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCursorSignedOnOneNodeContinuesOnAnotherAndSurvivesARestart(Engine engine) throws SQLException {
        try (TestDatabases databases = TestDatabases.open("cursorkey", engine)) {
            String cursor = new QueueCursor(QueueSort.CREATED_DESC, java.time.Instant.EPOCH, 42).encode(new CursorKey(databases.database()));
            assertEquals(42, QueueCursor.decode(cursor, QueueSort.CREATED_DESC, new CursorKey(databases.secondNode())).id());
            assertEquals(42, QueueCursor.decode(cursor, QueueSort.CREATED_DESC, new CursorKey(databases.database())).id());
            assertEquals(CursorKey.ROWS.size(), CursorKey.ROWS.stream().filter(row -> databases.database().read(em ->
                    !em.createNativeQuery("SELECT seq_count FROM atrium_id_sequence WHERE seq_name = ?").setParameter(1, row)
                            .getResultList().isEmpty())).count(), "created once, four rows");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anotherInstallationsCursorIsRefused(Engine engine) throws SQLException {
        String foreign;
        try (TestDatabases other = TestDatabases.open("cursorkey-other", engine)) {
            foreign = new QueueCursor(QueueSort.PRIORITY, 1, 7).encode(new CursorKey(other.database()));
        }
        try (TestDatabases databases = TestDatabases.open("cursorkey-ours", engine)) {
            CursorKey ours = new CursorKey(databases.database());
            assertFalse(new QueueCursor(QueueSort.PRIORITY, 1, 7).encode(ours).equals(foreign));
            ValidationException refused = assertThrows(ValidationException.class, () -> QueueCursor.decode(foreign, QueueSort.PRIORITY, ours));
            assertEquals("cursor", refused.errors().get(0).field());
        }
    }
}
