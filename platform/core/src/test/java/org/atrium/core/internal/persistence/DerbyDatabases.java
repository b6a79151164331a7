package org.atrium.core.internal.persistence;

import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** Fresh, migrated in-memory Derby databases for tests, dropped afterwards to free the memory. */
public final class DerbyDatabases {

    static {
        // Derby writes derby.log into the working directory unless told otherwise; keep it in target/
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", "target/derby.log");
        }
    }

    private DerbyDatabases() {
    }

    /** A new in-memory database without any table. */
    public static EmbeddedDataSource empty(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:atrium-" + name + "-" + UUID.randomUUID());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** A new in-memory database with the Atrium schema. */
    public static EmbeddedDataSource migrated(String name) throws SQLException {
        EmbeddedDataSource ds = empty(name);
        SchemaMigrator.migrate(ds);
        return ds;
    }

    /** Drops an in-memory database; Derby reports success with SQLState 08006. */
    public static void drop(DataSource dataSource) {
        EmbeddedDataSource ds = (EmbeddedDataSource) dataSource;
        EmbeddedDataSource dropper = new EmbeddedDataSource();
        dropper.setDatabaseName(ds.getDatabaseName());
        dropper.setConnectionAttributes("drop=true");
        try {
            dropper.getConnection().close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw new IllegalStateException("Cannot drop " + ds.getDatabaseName(), e);
            }
        }
    }
}
