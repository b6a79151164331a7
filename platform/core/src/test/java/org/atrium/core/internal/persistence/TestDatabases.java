package org.atrium.core.internal.persistence;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import javax.sql.DataSource;

import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The real persistence unit "atrium" (META-INF/persistence.xml) on a fresh database (in-memory
 * Derby, or a database in the test run's private PostgreSQL cluster), outside OSGi: the non-jta-data-source of the unit names an OSGi JNDI service, so the
 * DataSource is handed in as a property instead, and weaving is off (no agent in plain Java SE).
 * Opening one costs about half a second (Derby database plus EclipseLink deployment), so test
 * classes open one in {@code @BeforeAll} and {@link #clear()} it before each test.
 */
public final class TestDatabases implements AutoCloseable {
    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final Database database;
    private final Engine engine;
    private final java.util.List<EntityManagerFactory> otherNodes = new java.util.ArrayList<>();

    private TestDatabases(Engine engine, DataSource dataSource, EntityManagerFactory emf) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.emf = emf;
        this.database = new Database(emf, dialect(engine));
    }

    private static Dialect dialect(Engine engine) {
        return engine == Engine.POSTGRESQL ? Dialect.POSTGRESQL : Dialect.DERBY;
    }

    public static TestDatabases open(String name) throws SQLException {
        return open(name, Engine.DERBY);
    }

    public static TestDatabases open(String name, Engine engine) throws SQLException {
        return on(engine.empty(name), engine);
    }

    /** The unit on a database the caller made (e.g. Derby on disk, with durable commits), migrated first. */
    public static TestDatabases on(DataSource ds, Engine engine) throws SQLException {
        SchemaMigrator.migrate(ds);
        return new TestDatabases(engine, ds, emf(ds));
    }

    /** Another EntityManagerFactory on the same database: a second node, as far as JPA can tell. */
    public Database secondNode() {
        EntityManagerFactory other = emf(dataSource);
        otherNodes.add(other);
        return new Database(other, dialect(engine));
    }

    private static EntityManagerFactory emf(DataSource ds) {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", ds);
        props.put("eclipselink.weaving", "false");
        // EclipseLink keeps one session per name: a second factory ("node") needs a name of its own
        props.put("eclipselink.session-name", "atrium-test-" + java.util.UUID.randomUUID());
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory("atrium", props);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink did not find the persistence unit atrium");
        }
        return emf;
    }

    public Engine engine() {
        return engine;
    }

    public Database database() {
        return database;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Deletes every ticket, comment and history row, so that a test class can share one database. */
    public void clear() {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM outbox");
            statement.executeUpdate("DELETE FROM mail_message");
            statement.executeUpdate("DELETE FROM ticket_watcher");
            statement.executeUpdate("DELETE FROM approval_link_use");
            statement.executeUpdate("DELETE FROM inbound_mail");
            statement.executeUpdate("DELETE FROM webhook_attempt");
            statement.executeUpdate("DELETE FROM webhook_delivery");
            statement.executeUpdate("DELETE FROM webhook");
            statement.executeUpdate("DELETE FROM scheduled_task");
            statement.executeUpdate("DELETE FROM approval");
            statement.executeUpdate("DELETE FROM sla_clock");
            statement.executeUpdate("DELETE FROM ticket_link");
            statement.executeUpdate("DELETE FROM ticket_history");
            statement.executeUpdate("DELETE FROM ticket_comment");
            statement.executeUpdate("DELETE FROM ticket_attachment");
            statement.executeUpdate("DELETE FROM ticket_rating");
            statement.executeUpdate("DELETE FROM ticket_search_term");
            statement.executeUpdate("DELETE FROM ticket_search_rank");
            statement.executeUpdate("DELETE FROM ticket");
            statement.executeUpdate("DELETE FROM request_type_version");
            statement.executeUpdate("DELETE FROM person");
            statement.executeUpdate("DELETE FROM audit_event");
            statement.executeUpdate("DELETE FROM portal_session");
            statement.executeUpdate("DELETE FROM person_identity WHERE id <> 'p-0'");
            dropKeySequences(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key numbers start at 1 again: the next ticket service creates the sequences it needs (KeySequences). */
    private void dropKeySequences(java.sql.Connection connection) throws SQLException {
        java.util.List<String> sequences = new java.util.ArrayList<>();
        String names = engine == Engine.POSTGRESQL
                ? "SELECT relname FROM pg_class WHERE relkind = 'S' AND relname LIKE 'ticket_key_%' AND pg_table_is_visible(oid)"
                : "SELECT SEQUENCENAME FROM SYS.SYSSEQUENCES WHERE SEQUENCENAME LIKE 'TICKET_KEY_%'";
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(names)) {
            while (rows.next()) {
                sequences.add(rows.getString(1));
            }
        }
        try (var statement = connection.createStatement()) {
            for (String sequence : sequences) {
                statement.execute("DROP SEQUENCE " + sequence + " RESTRICT");
            }
        }
    }

    /** Row count of a table, read with plain JDBC so that no JPA cache can answer. */
    public long count(String table) {
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        otherNodes.forEach(EntityManagerFactory::close);
        emf.close();
        engine.drop(dataSource);
    }
}
