package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real distribution switched to PostgreSQL as README documents it (atrium-db-postgresql booted
 * instead of atrium-db-derby, the data source configured in etc/), on a private PostgreSQL 15
 * cluster: the schema is migrated there and the basic REST flow works.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresqlDistributionIT extends AtriumTestSupport {

    @Override
    @Configuration
    public Option[] config() {
        List<Option> options = new ArrayList<>(List.of(super.config()));
        options.addAll(PostgresqlSwitch.options());
        return options.toArray(new Option[0]);
    }

    @Before
    public void apiIsUp() throws Exception {
        waitForApi();
    }

    @Test
    public void theDataSourceIsPostgresqlWithTheMigratedSchema() throws Exception {
        Collection<ServiceReference<DataSource>> refs = bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=atrium)");
        assertEquals(1, refs.size());
        DataSource dataSource = bundleContext.getService(refs.iterator().next());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM atrium_schema_version")) {
                r.next();
                assertTrue("every migration applied", r.getInt(1) >= 4);
            }
            try (ResultSet r = s.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_name = 'ticket' AND column_name = 'fields_json'")) {
                r.next();
                assertEquals("jsonb", r.getString(1));
            }
        }
    }

    @Test
    public void createReadUpdateConflictAndListThroughRest() throws Exception {
        Reply created = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "VPN drops every hour",
                "impact", "high", "urgency", "medium", "fields", Map.of("affectedService", "vpn")));
        assertEquals(created.raw().body(), 201, created.status());
        String key = created.body().get("key").asText();
        assertTrue(key, key.matches("IT-\\d+"));
        assertTrue(created.raw().headers().firstValue("Location").orElseThrow().endsWith("/tickets/" + key));

        Reply read = http("GET", "/tickets/" + key, "anna", null);
        assertEquals(200, read.status());
        assertEquals(created.body(), read.body());
        assertEquals("vpn", read.body().get("fields").get("affectedService").asText());

        Reply updated = http("PATCH", "/tickets/" + key, "ina", Map.of("version", 1, "summary", "VPN drops hourly",
                "fields", Map.of("details", "drops at :00 every hour")));
        assertEquals(updated.raw().body(), 200, updated.status());
        assertEquals(2, updated.body().get("version").asInt());
        assertEquals("drops at :00 every hour", updated.body().get("fields").get("details").asText());

        Reply stale = http("PATCH", "/tickets/" + key, "ina", Map.of("version", 1, "summary", "Mine"));
        assertEquals(409, stale.status());
        assertTrue(stale.contentType(), stale.contentType().startsWith("application/problem+json"));
        assertEquals(2, stale.body().get("currentVersion").asInt());

        Reply second = http("POST", "/tickets", "anna", Map.of("type", "it.incident", "summary", "Mail is slow",
                "fields", Map.of("affectedService", "email")));
        assertEquals(201, second.status());
        Reply list = http("GET", "/tickets?department=it", "ina", null);
        assertEquals(200, list.status());
        List<String> keys = new ArrayList<>();
        for (JsonNode item : list.body().get("items")) {
            keys.add(item.get("key").asText());
        }
        assertTrue(keys.toString(), keys.contains(key) && keys.contains(second.body().get("key").asText()));
        assertEquals("VPN drops hourly", http("GET", "/tickets/" + key, "anna", null).body().get("summary").asText());
    }
}
