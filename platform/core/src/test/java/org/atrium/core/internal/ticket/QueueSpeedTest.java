package org.atrium.core.internal.ticket;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.dbcp2.BasicDataSource;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.TicketPage;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.core.internal.catalog.TestCatalogs;
import org.atrium.core.internal.group.AssignmentGroupsService;
import org.atrium.core.internal.persistence.Engine;
import org.atrium.core.internal.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the first page of each kind of queue query costs at 100,000 tickets on Derby on disk: the
 * filters and sorts of GET /tickets as an IT agent sees them, through the ticket service (JPA
 * included, REST not). A measurement, not a test: it prints the median of 50 runs and asserts
 * nothing. Run it with
 * {@code mvn -o -pl platform/core test -Dtest=QueueSpeedTest -Datrium.measure=true}.
 */
@EnabledIfSystemProperty(named = "atrium.measure", matches = "true")
class QueueSpeedTest {
    private static final int TICKETS = Integer.getInteger("atrium.queueTickets", 100_000);
    private static final int RUNS = 50;
    private static final String[][] STATES = {{"new", "open"}, {"in-progress", "in-progress"},
            {"waiting-for-requester", "pending"}, {"resolved", "resolved"}, {"closed", "closed"}};
    private static final String[] DEPARTMENTS = {"it", "it", "it", "hr", "facility"};
    private static final String[] GROUPS = {"service-desk", "network", "workplace"};

    @Test
    void firstPagesAtScale() throws Exception {
        Path folder = Files.createTempDirectory(Path.of("target"), "queue-derby");
        BasicDataSource ds = new BasicDataSource();
        ds.setDriverClassName("org.apache.derby.jdbc.EmbeddedDriver");
        ds.setUrl("jdbc:derby:" + folder.resolve("db").toAbsolutePath() + ";create=true");
        TestDatabases databases = TestDatabases.on(ds, Engine.DERBY); // left open: a Derby on disk has no test drop
        {
            fill(databases);
            for (String index : System.getProperty("atrium.dropIndexes", "").split(",")) {
                if (!index.isBlank()) {
                    try (Connection c = ds.getConnection(); var drop = c.createStatement()) {
                        drop.execute("DROP INDEX " + index);
                    }
                }
            }
            TicketServiceImpl service = new TicketServiceImpl(databases.database(), TestCatalogs.catalog(TestCatalogs.IT_INCIDENT),
                    Clock.systemUTC(), AssignmentGroupsService.of(Map.of("it", Map.of("service-desk.members", "ina",
                            "network.members", "ina, chris", "workplace.members", "chris"))));
            Caller ina = Caller.of("ina", "agent-it");
            System.out.printf("%nQueue first page (limit 50) as ina (agent-it), Derby on disk, %,d tickets; median of %d runs%n",
                    TICKETS, RUNS);
            measure(service, ina, "department=it", q("it", List.of(), List.of(), null, null, false, null));
            if (Boolean.getBoolean("atrium.baselineOnly")) {
                return;
            }
            measure(service, ina, "department=it&group=network", q("it", List.of(), List.of(), null, "network", false, null));
            measure(service, ina, "department=it&unassigned=true", q("it", List.of(), List.of(), null, null, true, null));
            measure(service, ina, "department=it&assignee=me", q("it", List.of(), List.of(), "me", null, false, null));
            measure(service, ina, "department=it&status=new,in-progress",
                    q("it", List.of("new", "in-progress"), List.of(), null, null, false, null));
            measure(service, ina, "department=it&category=pending", q("it", List.of(), List.of("pending"), null, null, false, null));
            measure(service, ina, "department=it&category=open,in-progress,pending",
                    q("it", List.of(), List.of("open", "in-progress", "pending"), null, null, false, null));
            measure(service, ina, "department=it&group=network&unassigned=true", q("it", List.of(), List.of(), null, "network", true, null));
            measure(service, ina, "department=it&status=new&group=network", q("it", List.of("new"), List.of(), null, "network", false, null));
            for (String sort : List.of("created", "-created", "updated", "-updated", "sla")) {
                measure(service, ina, "department=it&sort=" + sort, q("it", List.of(), List.of(), null, null, false, sort));
            }
            measure(service, ina, "status=new,in-progress (no department: own + it)",
                    q(null, List.of("new", "in-progress"), List.of(), null, null, false, null));
            measure(service, ina, "sort=-created (no department: own + it)", q(null, List.of(), List.of(), null, null, false, "-created"));
            // again, once the JIT has compiled the query paths (the first rows above include warming up)
            measure(service, ina, "department=it (again, warm)", q("it", List.of(), List.of(), null, null, false, null));
            measure(service, ina, "department=it&group=network (again, warm)", q("it", List.of(), List.of(), null, "network", false, null));
            measure(service, ina, "department=it&sort=sla (again, warm)", q("it", List.of(), List.of(), null, null, false, "sla"));
        }
    }

    private static TicketQuery q(String department, List<String> statuses, List<String> categories, String assignee, String group,
            boolean unassigned, String sort) {
        return new TicketQuery(department, statuses, categories, assignee, null, group, unassigned, sort, 50, null);
    }

    private static void measure(TicketServiceImpl service, Caller caller, String what, TicketQuery query) {
        for (int i = 0; i < 20; i++) {
            service.list(caller, query);
        }
        List<Double> millis = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            TicketPage page = service.list(caller, query);
            millis.add((System.nanoTime() - start) / 1e6);
            size = page.items().size();
        }
        Collections.sort(millis);
        TicketPage first = service.list(caller, query);
        long second = System.nanoTime();
        if (first.nextCursor() != null) {
            service.list(caller, new TicketQuery(query.department(), query.statuses(), query.categories(), query.assignee(),
                    query.requester(), query.group(), query.unassigned(), query.sort(), query.limit(), first.nextCursor()));
        }
        double page2 = (System.nanoTime() - second) / 1e6;
        System.out.printf("| `%s` | %d items | p50 %.2f ms | max %.2f ms | page 2 (once) %.2f ms |%n", what, size,
                millis.get(RUNS / 2), millis.get(RUNS - 1), page2);
    }

    /** Tickets by plain JDBC: departments, states, priorities, assignees and groups spread at random. */
    private static void fill(TestDatabases databases) throws Exception {
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection c = databases.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ticket (id, ticket_key, key_prefix, key_number, type_key,"
                    + " type_version, department, summary, requester, assignee, status, status_category, impact, urgency, priority,"
                    + " confidential, fields_json, created_at, updated_at, version, assignment_group, sla_due_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 1; i <= TICKETS; i++) {
                    String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
                    String[] state = STATES[random.nextInt(STATES.length)];
                    String prefix = department.equals("it") ? "IT" : department.equals("hr") ? "HR" : "FAC";
                    boolean it = department.equals("it");
                    Instant created = start.plusSeconds(i * 60L);
                    insert.setLong(1, i);
                    insert.setString(2, prefix + "-" + i);
                    insert.setString(3, prefix);
                    insert.setLong(4, i);
                    insert.setString(5, department + ".incident");
                    insert.setInt(6, 1);
                    insert.setString(7, department);
                    insert.setString(8, "Ticket " + i);
                    insert.setString(9, "user" + random.nextInt(500));
                    insert.setString(10, random.nextBoolean() ? null : it ? (random.nextBoolean() ? "ina" : "chris") : "someone");
                    insert.setString(11, state[0]);
                    insert.setString(12, state[1]);
                    insert.setString(13, "medium");
                    insert.setString(14, "medium");
                    insert.setInt(15, 1 + random.nextInt(4));
                    insert.setBoolean(16, department.equals("hr"));
                    insert.setString(17, "{}");
                    insert.setTimestamp(18, Timestamp.from(created));
                    insert.setTimestamp(19, Timestamp.from(created.plusSeconds(random.nextInt(10_000_000))));
                    insert.setLong(20, 1);
                    insert.setString(21, it ? GROUPS[random.nextInt(GROUPS.length)] : null);
                    // a running clock only while open or in progress (pending pauses it, resolved stops it)
                    boolean running = state[1].equals("open") || state[1].equals("in-progress");
                    insert.setTimestamp(22, running ? Timestamp.from(created.plusSeconds(3600L + random.nextInt(30 * 24 * 3600))) : null);
                    insert.addBatch();
                    if (i % 5000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement ids = c.prepareStatement("UPDATE atrium_id_sequence SET seq_count = ? WHERE seq_name = 'ticket'")) {
                ids.setLong(1, TICKETS + 1000L);
                ids.executeUpdate();
            }
            c.commit();
        }
    }
}
