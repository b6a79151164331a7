package org.atrium.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.atrium.core.internal.persistence.PostgresCluster;
import org.ops4j.pax.exam.Option;

/**
 * The switch to PostgreSQL exactly as README "Run on PostgreSQL" documents it, applied to the
 * distribution before its first start: the database feature in featuresBoot, and the data source
 * configuration. The database is a fresh one in the test run's private PostgreSQL cluster.
 * Runs in the test JVM only (Pax Exam's configuration), never inside the container.
 */
final class PostgresqlSwitch {
    private PostgresqlSwitch() {
    }

    static List<Option> options() {
        PostgresCluster cluster = PostgresCluster.get();
        String database = cluster.createDatabase("distribution");
        Path features = Path.of("../distribution/target/assembly/etc/org.apache.karaf.features.cfg");
        try (Reader in = Files.newBufferedReader(features)) {
            Properties cfg = new Properties();
            cfg.load(in);
            String boot = cfg.getProperty("featuresBoot", "");
            if (!boot.contains("atrium-db-derby")) {
                throw new IllegalStateException(features + " boots no atrium-db-derby: the documented switch no longer applies");
            }
            Path dir = Files.createDirectories(Path.of("target/postgresql-switch"));
            Path dataSource = Files.writeString(dir.resolve("org.ops4j.datasource-atrium.cfg"),
                    dataSourceConfiguration(cluster.url(database), cluster.user()));
            // a put, not a replaced file: Pax Exam adds its own boot features to this key after the test's options
            return List.of(
                    editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot",
                            boot.replace("atrium-db-derby", "atrium-db-postgresql")),
                    replaceConfigurationFile("etc/org.ops4j.datasource-atrium.cfg", dataSource.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** etc/org.ops4j.datasource-atrium.cfg for a PostgreSQL database, as README "Run on PostgreSQL" gives it. */
    static String dataSourceConfiguration(String jdbcUrl, String user) {
        return String.join("\n",
                "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                "url = " + jdbcUrl,
                "user = " + user,
                "password = unused",
                "stringtype = unspecified",
                "dataSourceName = atrium",
                "pool = dbcp2",
                "xa = false",
                "jdbc.pool.maxTotal = 16",
                "jdbc.pool.maxIdle = 16",
                "jdbc.pool.minIdle = 2",
                "");
    }

}
