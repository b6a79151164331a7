package org.atrium.core.internal.persistence;

import java.sql.SQLException;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The OSGi face of {@link Database}: waits for the pax-jdbc DataSource and the Aries JPA unit
 * "atrium", migrates the schema, then offers transactions to the engines.
 */
@Component(service = Database.class)
public class DatabaseComponent extends Database {

    private static Dialect dialectOf(DataSource dataSource) throws SQLException {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection);
        }
    }

    @Activate
    public DatabaseComponent(
            @Reference(target = "(osgi.jndi.service.name=atrium)") DataSource dataSource,
            @Reference(target = "(osgi.unit.name=atrium)") EntityManagerFactory emf) throws SQLException {
        super(emf, dialectOf(dataSource));
        SchemaMigrator.migrate(dataSource);
    }
}
