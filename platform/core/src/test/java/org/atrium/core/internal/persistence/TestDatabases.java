package org.atrium.core.internal.persistence;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import javax.persistence.EntityManagerFactory;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The real persistence unit "atrium" (META-INF/persistence.xml) on a fresh in-memory Derby
 * database, outside OSGi: the non-jta-data-source of the unit names an OSGi JNDI service, so the
 * DataSource is handed in as a property instead, and weaving is off (no agent in plain Java SE).
 * Opening one costs about half a second (Derby database plus EclipseLink deployment), so test
 * classes open one in {@code @BeforeAll} and {@link #clear()} it before each test.
 */
public final class TestDatabases implements AutoCloseable {
    private final EmbeddedDataSource dataSource;
    private final EntityManagerFactory emf;
    private final Database database;

    private TestDatabases(EmbeddedDataSource dataSource, EntityManagerFactory emf) {
        this.dataSource = dataSource;
        this.emf = emf;
        this.database = new Database(emf);
    }

    public static TestDatabases open(String name) throws SQLException {
        EmbeddedDataSource ds = DerbyDatabases.migrated(name);
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", ds);
        props.put("eclipselink.weaving", "false");
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory("atrium", props);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink did not find the persistence unit atrium");
        }
        return new TestDatabases(ds, emf);
    }

    public Database database() {
        return database;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    public EmbeddedDataSource dataSource() {
        return dataSource;
    }

    /** Deletes every ticket, comment and history row, so that a test class can share one database. */
    public void clear() {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM ticket_link");
            statement.executeUpdate("DELETE FROM ticket_history");
            statement.executeUpdate("DELETE FROM ticket_comment");
            statement.executeUpdate("DELETE FROM ticket");
            statement.executeUpdate("DELETE FROM request_type_version");
            statement.executeUpdate("DELETE FROM person");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
        emf.close();
        DerbyDatabases.drop(dataSource);
    }
}
