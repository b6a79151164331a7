package org.atrium.core.internal.health;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.atrium.api.health.DatabaseHealth;
import org.atrium.api.health.HealthCheck;
import org.atrium.core.internal.persistence.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Takes a connection from the node's pool and asks the database whether it is valid. Bound to
 * {@link Database} as well, so the check exists only once the schema is migrated: a node still
 * starting is not healthy yet.
 */
@Component(service = HealthCheck.class)
public class DatabaseHealthCheck implements HealthCheck {
    /** Seconds the database has to answer; a load balancer checks every few seconds. */
    static final int TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    @Activate
    public DatabaseHealthCheck(@Reference(target = "(osgi.jndi.service.name=atrium)") DataSource dataSource,
            @Reference Database migrated) {
        this.dataSource = dataSource;
    }

    @Override
    public DatabaseHealth database() {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                return new DatabaseHealth(false, null, millisSince(start), "a connection from the pool failed its validity check ("
                        + TIMEOUT_SECONDS + " s at most)");
            }
            DatabaseMetaData meta = connection.getMetaData();
            return new DatabaseHealth(true, meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(),
                    millisSince(start), null);
        } catch (SQLException | RuntimeException e) {
            return new DatabaseHealth(false, null, millisSince(start), String.valueOf(e.getMessage()));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
