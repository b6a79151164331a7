package org.atrium.core.internal.persistence;

import javax.sql.DataSource;

/** The databases Atrium runs on; tests that must hold on both take this as a parameter. */
public enum Engine {
    DERBY {
        @Override
        public DataSource empty(String name) {
            return DerbyDatabases.empty(name);
        }

        @Override
        public void drop(DataSource dataSource) {
            DerbyDatabases.drop(dataSource);
        }
    },
    POSTGRESQL {
        @Override
        public DataSource empty(String name) {
            return PostgresCluster.get().newDatabase(name);
        }

        @Override
        public void drop(DataSource dataSource) {
            // the database itself goes with the cluster when the test run ends; its connections go now
            try {
                ((AutoCloseable) dataSource).close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    };

    /** A new database without any table. */
    public abstract DataSource empty(String name);

    public abstract void drop(DataSource dataSource);
}
