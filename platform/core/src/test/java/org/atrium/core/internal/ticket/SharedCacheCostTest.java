package org.atrium.core.internal.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import javax.persistence.EntityManagerFactory;

import org.apache.commons.dbcp2.BasicDataSource;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.persistence.Database;
import org.atrium.core.internal.persistence.SchemaMigrator;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What keeping EclipseLink's shared cache off costs (persistence.xml: {@code NONE}, so that what
 * another node changed is read at once): ticket reads and the queue's first page, with the cache
 * off and on, on Derby on disk. A measurement, not a test: it prints figures and asserts nothing.
 * Run it with {@code mvn -o -pl platform/core test -Dtest=SharedCacheCostTest -Datrium.measure=true}.
 */
@EnabledIfSystemProperty(named = "atrium.measure", matches = "true")
class SharedCacheCostTest {
    private static final int TICKETS = 2_000;
    private static final int READS = 20_000;
    private static final int PAGES = 2_000;

    @Test
    void readsWithTheSharedCacheOffAndOn() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "cache-derby");
        BasicDataSource ds = new BasicDataSource();
        ds.setDriverClassName("org.apache.derby.jdbc.EmbeddedDriver");
        ds.setUrl("jdbc:derby:" + folder.resolve("db").toAbsolutePath() + ";create=true");
        ds.setMaxTotal(16);
        SchemaMigrator.migrate(ds);
        TicketServiceImpl writer = new TicketServiceImpl(new Database(emf(ds, "NONE")), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT),
                Clock.systemUTC());
        Caller anna = Caller.of("anna");
        for (int i = 0; i < TICKETS; i++) {
            writer.create(anna, TicketServiceImplTest.incident("ticket " + i));
        }
        for (int round = 0; round < 2; round++) { // the second round is the one to read: warmed up
            for (String mode : new String[] {"NONE", "ALL"}) {
                measure(mode, new TicketServiceImpl(new Database(emf(ds, mode)), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT),
                        Clock.systemUTC()), round == 1);
            }
        }
        ds.close();
    }

    private static void measure(String mode, TicketServiceImpl service, boolean print) {
        Caller agent = Caller.of("ina", "agent-it");
        Random random = new Random(42);
        long start = System.nanoTime();
        for (int i = 0; i < READS; i++) {
            service.get(agent, "IT-" + (1 + random.nextInt(TICKETS)));
        }
        double reads = (System.nanoTime() - start) / 1e3 / READS;
        start = System.nanoTime();
        for (int i = 0; i < PAGES; i++) {
            service.list(agent, new TicketQuery("it", null, null, null, 50, null));
        }
        double pages = (System.nanoTime() - start) / 1e3 / PAGES;
        if (print) {
            System.out.printf("shared cache %s: GET ticket %.1f us, queue first page (50) %.1f us%n", mode, reads, pages);
        }
    }

    private static EntityManagerFactory emf(BasicDataSource ds, String cacheMode) {
        Map<String, Object> props = new HashMap<>();
        props.put("javax.persistence.nonJtaDataSource", ds);
        props.put("eclipselink.weaving", "false");
        props.put("javax.persistence.sharedCache.mode", cacheMode);
        props.put("eclipselink.session-name", "atrium-cache-" + cacheMode + "-" + java.util.UUID.randomUUID());
        return new PersistenceProvider().createEntityManagerFactory("atrium", props);
    }
}
