package org.atrium.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.atrium.core.internal.search.SearchIndex;

/**
 * Plain JDBC on the distribution's own Derby database (opened in this JVM while Karaf is stopped):
 * the persistence layer's limit for ticket creation, and the bulk loader for the queue figures.
 * Derby runs with its shipped defaults: durable commits, nothing relaxed.
 */
final class Jdbc {
    static final String INSERT_TICKET = "INSERT INTO ticket (id, ticket_key, key_prefix, key_number, type_key, type_version,"
            + " department, summary, description, requester, assignee, status, impact, urgency, priority, confidential,"
            + " fields_json, created_at, updated_at, version, status_category, sla_due_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String INSERT_SEARCH_TERM = "INSERT INTO ticket_search_term (ticket_id, source_id, field, term, weight) VALUES (?, 0, ?, ?, ?)";
    static final String INSERT_SEARCH_RANK = "INSERT INTO ticket_search_rank (ticket_id, term, score) VALUES (?, ?, ?)";
    static final String INSERT_HISTORY = "INSERT INTO ticket_history (id, ticket_id, occurred_at, actor, action, field,"
            + " before_value, after_value) VALUES (?,?,?,?,?,?,?,?)";

    private Jdbc() {
    }

    static Connection open(Path database) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath());
        connection.setAutoCommit(false);
        return connection;
    }

    /** Closes the database in this JVM so that Karaf can boot it again (embedded Derby: one JVM at a time). */
    static void shutdown(Path database) {
        try {
            DriverManager.getConnection("jdbc:derby:" + database.toAbsolutePath() + ";shutdown=true").close();
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) { // 08006 is Derby's "database shut down" success
                throw new IllegalStateException("Derby did not shut down: " + e.getMessage(), e);
            }
        }
    }

    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Takes {@code size} ids of an atrium_id_sequence row (as EclipseLink's table generator does, in
     * blocks) and returns the first; the row is advanced so Karaf never hands out the same id.
     */
    static long reserveIds(Connection connection, String sequence, long size) throws SQLException {
        long current;
        try (PreparedStatement select = connection.prepareStatement("SELECT seq_count FROM atrium_id_sequence WHERE seq_name = ?")) {
            select.setString(1, sequence);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No atrium_id_sequence row " + sequence);
                }
                current = row.getLong(1);
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE atrium_id_sequence SET seq_count = ? WHERE seq_name = ?")) {
            update.setLong(1, current + size);
            update.setString(2, sequence);
            update.executeUpdate();
        }
        connection.commit();
        return current + 1;
    }

    /** The indexes on a table (name: columns), as the schema migrations left them. */
    static String indexes(Path database, String table) throws SQLException {
        List<String> found = new java.util.ArrayList<>();
        try (Connection connection = open(database);
             ResultSet rows = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
            Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
            while (rows.next()) {
                String name = rows.getString("INDEX_NAME");
                if (name != null && !name.startsWith("SQL")) { // Derby names constraint backing indexes SQL...
                    columns.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), n -> new java.util.ArrayList<>())
                            .add(rows.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            columns.forEach((name, cols) -> found.add(name + " (" + String.join(", ", cols) + ")"));
            connection.commit();
        }
        return String.join(", ", found);
    }

    static long highestKeyNumber(Connection connection, String prefix) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(key_number) FROM ticket WHERE key_prefix = ?")) {
            select.setString(1, prefix);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    static final String INSERT_CLOCK = "INSERT INTO sla_clock (id, ticket_id, clock_key, kind, state, priority, target_seconds,"
            + " calendar, elapsed_seconds, computed_at, due_at, warn_at, version) VALUES (?,?,?,'sla','running','P2',?,'de-be',0,?,?,?,1)";
    static final String INSERT_TIMER = "INSERT INTO scheduled_task (id, kind, ref_id, due_at, created_at, attempts) VALUES (?,'sla.check',?,?,?,0)";
    static final String INSERT_OUTBOX = "INSERT INTO outbox (id, kind, name, payload, created_at, attempts, next_attempt_at)"
            + " VALUES (?,'event','atrium/ticket/CREATED',?,?,0,?)";

    /** Id ranges reserved for the JDBC inserts, one per table whose ids come from atrium_id_sequence. */
    record Ids(AtomicLong ticket, AtomicLong history, AtomicLong clock, AtomicLong timer, AtomicLong outbox) {
        static Ids reserve(Connection connection, long tickets) throws SQLException {
            Ids ids = new Ids(new AtomicLong(reserveIds(connection, "ticket", tickets)),
                    new AtomicLong(reserveIds(connection, "ticket_history", tickets)),
                    new AtomicLong(reserveIds(connection, "sla_clock", 2 * tickets)),
                    new AtomicLong(reserveIds(connection, "scheduled_task", 2 * tickets)),
                    new AtomicLong(reserveIds(connection, "outbox", tickets)));
            connection.commit();
            return ids;
        }
    }

    /**
     * Every row one REST creation of the benchmark's body inserts, in one transaction, then a durable
     * commit: the key number from the prefix's sequence, the ticket (as TicketServiceImpl.create fills
     * it), its "created" history row, its two SLA clocks (first response and resolution) and their two
     * timers, the CREATED event's outbox row, and the search rows of its text (a row per term and field,
     * a rank row per term). Counted from the database after a REST run (docs/benchmarks.md). What the
     * server does after the commit (the outbox row's delivery and DELETE) is not part of it.
     */
    static final class CreateWorker implements Load.Worker {
        private final Connection connection;
        private final PreparedStatement keyNumber;
        private final PreparedStatement ticket;
        private final PreparedStatement history;
        private final PreparedStatement clock;
        private final PreparedStatement timer;
        private final PreparedStatement outbox;
        private final PreparedStatement search;
        private final PreparedStatement rank;
        private final Ids ids;

        CreateWorker(Path database, Ids ids) throws SQLException {
            this(open(database), ids, false);
        }

        CreateWorker(Connection connection, Ids ids, boolean postgresql) throws SQLException {
            this.connection = connection;
            this.keyNumber = connection.prepareStatement(postgresql ? "SELECT nextval('ticket_key_it')" : "VALUES NEXT VALUE FOR ticket_key_it");
            this.ticket = connection.prepareStatement(INSERT_TICKET);
            this.history = connection.prepareStatement(INSERT_HISTORY);
            this.clock = connection.prepareStatement(INSERT_CLOCK);
            this.timer = connection.prepareStatement(INSERT_TIMER);
            this.outbox = connection.prepareStatement(INSERT_OUTBOX);
            this.search = connection.prepareStatement(INSERT_SEARCH_TERM);
            this.rank = connection.prepareStatement(INSERT_SEARCH_RANK);
            this.ids = ids;
        }

        private long nextNumber() throws SQLException {
            try (ResultSet row = keyNumber.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }

        @Override
        public String run(int index) throws SQLException {
            long id = ids.ticket().getAndIncrement();
            long number = nextNumber();
            String key = "IT-" + number;
            String summary = Rest.summary(index);
            long nowMillis = System.currentTimeMillis();
            Timestamp now = new Timestamp(nowMillis);
            ticket.setLong(1, id);
            ticket.setString(2, key);
            ticket.setString(3, "IT");
            ticket.setLong(4, number);
            ticket.setString(5, "it.incident");
            ticket.setInt(6, 1);
            ticket.setString(7, "it");
            ticket.setString(8, summary);
            ticket.setNull(9, Types.VARCHAR);
            ticket.setString(10, "anna");
            ticket.setNull(11, Types.VARCHAR);
            ticket.setString(12, "new");
            ticket.setString(13, "high");
            ticket.setString(14, "medium");
            ticket.setInt(15, 2);
            ticket.setBoolean(16, false);
            ticket.setString(17, "{\"affectedService\":\"vpn\"}");
            ticket.setTimestamp(18, now);
            ticket.setTimestamp(19, now);
            ticket.setLong(20, 1);
            ticket.setString(21, "open");
            // the server writes the earliest running clock's due time (first response of a P2: 1 business hour)
            ticket.setTimestamp(22, new Timestamp(nowMillis + 3_600_000L));
            ticket.executeUpdate();
            history.setLong(1, ids.history().getAndIncrement());
            history.setLong(2, id);
            history.setTimestamp(3, now);
            history.setString(4, "anna");
            history.setString(5, "created");
            history.setString(6, "status");
            history.setNull(7, Types.VARCHAR);
            history.setString(8, "new");
            history.executeUpdate();
            clockAndTimer(id, "first-response", 3_600, now);
            clockAndTimer(id, "resolution", 32_400, now);
            clock.executeBatch();
            timer.executeBatch();
            outbox.setLong(1, ids.outbox().getAndIncrement());
            outbox.setString(2, "{\"key\":\"" + key + "\",\"type\":\"it.incident\",\"department\":\"it\",\"status\":\"new\","
                    + "\"priority\":\"P2\",\"confidential\":false,\"actor\":\"anna\"}");
            outbox.setTimestamp(3, now);
            outbox.setTimestamp(4, now);
            outbox.executeUpdate();
            searchRows(id, key, summary);
            connection.commit();
            return null;
        }

        private void clockAndTimer(long ticketId, String clockKey, long targetSeconds, Timestamp now) throws SQLException {
            long clockId = ids.clock().getAndIncrement();
            Timestamp due = new Timestamp(now.getTime() + targetSeconds * 1000);
            Timestamp warn = new Timestamp(now.getTime() + targetSeconds * 750);
            clock.setLong(1, clockId);
            clock.setLong(2, ticketId);
            clock.setString(3, clockKey);
            clock.setLong(4, targetSeconds);
            clock.setTimestamp(5, now);
            clock.setTimestamp(6, due);
            clock.setTimestamp(7, warn);
            clock.addBatch();
            timer.setLong(1, ids.timer().getAndIncrement());
            timer.setLong(2, clockId);
            timer.setTimestamp(3, warn);
            timer.setTimestamp(4, now);
            timer.addBatch();
        }

        private void searchRows(long ticketId, String key, String summary) throws SQLException {
            Map<String, Integer> scores = new java.util.LinkedHashMap<>();
            for (SearchIndex.Row row : SearchIndex.ticketRows(key, summary, null, List.of())) {
                search.setLong(1, ticketId);
                search.setString(2, row.field());
                search.setString(3, row.term());
                search.setInt(4, row.weight());
                search.addBatch();
                scores.merge(row.term(), row.weight(), Integer::sum);
            }
            search.executeBatch();
            for (Map.Entry<String, Integer> score : scores.entrySet()) {
                rank.setLong(1, ticketId);
                rank.setString(2, score.getKey());
                rank.setInt(3, score.getValue());
                rank.addBatch();
            }
            rank.executeBatch();
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement statement : List.of(keyNumber, ticket, history, clock, timer, outbox, search, rank)) {
                statement.close();
            }
            connection.close();
        }
    }

    // ---- bulk loading for the queue figures ----

    private record Department(String name, String prefix, List<String> types, boolean confidential, List<String> fields,
            List<String> agents) {
    }

    private static final List<Department> DEPARTMENTS = List.of(
            new Department("it", "IT", List.of("it.incident", "it.service-request", "it.change", "it.problem"), false,
                    List.of("{\"affectedService\":\"vpn\"}", "{\"affectedService\":\"email\",\"since\":\"2026-01-12\"}",
                            "{\"affectedService\":\"printing\",\"details\":\"Paper jam on the 3rd floor printer, again\"}"),
                    List.of("ina", "chris")),
            new Department("facility", "FAC", List.of("facility.repair", "facility.booking", "facility.badge", "facility.move"), false,
                    List.of("{\"room\":\"B2.14\",\"category\":\"lighting\"}", "{\"room\":\"A1.03\",\"category\":\"heating\"}"),
                    List.of("felix")),
            new Department("hr", "HR", List.of("hr.leave", "hr.certificate", "hr.onboarding", "hr.offboarding"), true,
                    List.of("{\"from\":\"2026-03-02\",\"to\":\"2026-03-13\"}", "{\"kind\":\"employment\"}"),
                    List.of("hanna")));
    private static final String[] IMPACTS = {"high", "medium", "low"};
    private static final String DESCRIPTION = "Reported through the portal. The user describes what happened, when it started"
            + " and what was already tried; the agent adds notes as comments. Row padded to a realistic size.";

    /**
     * Adds tickets (each with its "created" history row) until the database holds {@code total}.
     * Spread: departments it 50 %, facility 30 %, hr 20 %; statuses new 10 %, in-progress 15 %,
     * resolved 10 %, closed 65 %; impact and urgency uniform (so P1..P4 as the matrix gives them);
     * 5,000 requesters. Key numbers continue after the highest per prefix, ids after the sequences.
     * Returns the number of tickets added.
     */
    static long bulkLoad(Path database, long total, long seed) throws SQLException {
        try (Connection connection = open(database)) {
            return bulkLoad(connection, total, seed);
        }
    }

    /** The same on an open connection (autocommit off), e.g. to PostgreSQL; the key sequences are advanced too. */
    static long bulkLoad(Connection connection, long total, long seed) throws SQLException {
        Random random = new Random(seed);
        {
            long existing = count(connection, "ticket");
            long toAdd = total - existing;
            if (toAdd <= 0) {
                return 0;
            }
            long ticketId = reserveIds(connection, "ticket", toAdd);
            long historyId = reserveIds(connection, "ticket_history", toAdd);
            Map<String, Long> keyNumbers = new HashMap<>();
            for (Department department : DEPARTMENTS) {
                keyNumbers.put(department.prefix(), highestKeyNumber(connection, department.prefix()));
            }
            long now = System.currentTimeMillis();
            long span = 730L * 24 * 3600 * 1000; // two years of tickets, oldest first
            try (PreparedStatement ticket = connection.prepareStatement(INSERT_TICKET);
                 PreparedStatement history = connection.prepareStatement(INSERT_HISTORY);
                 PreparedStatement search = connection.prepareStatement(INSERT_SEARCH_TERM);
                 PreparedStatement rank = connection.prepareStatement(INSERT_SEARCH_RANK)) {
                for (long n = 0; n < toAdd; n++) {
                    int d = random.nextInt(10);
                    Department department = DEPARTMENTS.get(d < 5 ? 0 : d < 8 ? 1 : 2);
                    int s = random.nextInt(100);
                    String status = s < 10 ? "new" : s < 25 ? "in-progress" : s < 35 ? "resolved" : "closed";
                    int impact = random.nextInt(3);
                    int urgency = random.nextInt(3);
                    int priority = Math.min(impact + urgency, 3) + 1;
                    long number = keyNumbers.merge(department.prefix(), 1L, Long::sum);
                    long id = ticketId + n;
                    Timestamp created = new Timestamp(now - span + span * n / toAdd);
                    Timestamp updated = "new".equals(status) ? created : new Timestamp(created.getTime() + 3_600_000L);
                    String requester = "user" + random.nextInt(5000);
                    ticket.setLong(1, id);
                    ticket.setString(2, department.prefix() + "-" + number);
                    ticket.setString(3, department.prefix());
                    ticket.setLong(4, number);
                    ticket.setString(5, department.types().get(random.nextInt(department.types().size())));
                    ticket.setInt(6, 1);
                    ticket.setString(7, department.name());
                    String summary = "Bulk ticket " + n + ": something needs attention";
                    ticket.setString(8, summary);
                    // the search terms the server writes with a ticket (SearchIndexing); free-text form values left out
                    // and the per-term scores the first page of a search reads (SearchRanks: the term's weights summed)
                    Map<String, Integer> scores = new HashMap<>();
                    for (SearchIndex.Row row : SearchIndex.ticketRows(department.prefix() + "-" + number, summary, DESCRIPTION, List.of())) {
                        search.setLong(1, id);
                        search.setString(2, row.field());
                        search.setString(3, row.term());
                        search.setInt(4, row.weight());
                        search.addBatch();
                        scores.merge(row.term(), row.weight(), Integer::sum);
                    }
                    for (Map.Entry<String, Integer> score : scores.entrySet()) {
                        rank.setLong(1, id);
                        rank.setString(2, score.getKey());
                        rank.setInt(3, score.getValue());
                        rank.addBatch();
                    }
                    ticket.setString(9, DESCRIPTION);
                    ticket.setString(10, requester);
                    if ("new".equals(status)) {
                        ticket.setNull(11, Types.VARCHAR);
                    } else {
                        ticket.setString(11, department.agents().get(random.nextInt(department.agents().size())));
                    }
                    ticket.setString(12, status);
                    ticket.setString(13, IMPACTS[impact]);
                    ticket.setString(14, IMPACTS[urgency]);
                    ticket.setInt(15, priority);
                    ticket.setBoolean(16, department.confidential());
                    ticket.setString(17, department.fields().get(random.nextInt(department.fields().size())));
                    ticket.setTimestamp(18, created);
                    ticket.setTimestamp(19, updated);
                    ticket.setLong(20, 1);
                    ticket.setString(21, "new".equals(status) ? "open" : status);
                    // the earliest running SLA clock: only open tickets have one (a day to a month after creation)
                    boolean running = "new".equals(status) || "in-progress".equals(status);
                    ticket.setTimestamp(22, running ? new Timestamp(created.getTime() + 86_400_000L * (1 + random.nextInt(30))) : null);
                    ticket.addBatch();
                    history.setLong(1, historyId + n);
                    history.setLong(2, id);
                    history.setTimestamp(3, created);
                    history.setString(4, requester);
                    history.setString(5, "created");
                    history.setString(6, "status");
                    history.setNull(7, Types.VARCHAR);
                    history.setString(8, "new");
                    history.addBatch();
                    if ((n + 1) % 1000 == 0 || n + 1 == toAdd) {
                        ticket.executeBatch();
                        history.executeBatch();
                        search.executeBatch();
                        rank.executeBatch();
                    }
                    if ((n + 1) % 20_000 == 0 || n + 1 == toAdd) {
                        connection.commit();
                    }
                }
            }
            advanceKeySequences(connection, keyNumbers);
            // every ticket so far is indexed (by the server or above): the server's backfill has nothing left to do
            try (PreparedStatement done = connection.prepareStatement("UPDATE ticket_search_backfill SET next_ticket = ?, finished = ? WHERE id = 1")) {
                done.setLong(1, ticketId + toAdd);
                done.setBoolean(2, true);
                done.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return toAdd;
        }
    }

    /**
     * The server takes key numbers from a sequence per prefix (ticket_key_it, ...; KeySequences in core):
     * move each past the numbers the load used. PostgreSQL: setval (the nodes may be running). Derby:
     * Karaf is stopped (the database is open here) and Derby cannot restart a sequence, so it is
     * dropped; the server creates it again at its first use, after the highest stored number.
     */
    private static void advanceKeySequences(Connection connection, Map<String, Long> highest) throws SQLException {
        boolean postgresql = connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
        for (Map.Entry<String, Long> prefix : highest.entrySet()) {
            String sequence = "ticket_key_" + prefix.getKey().toLowerCase(java.util.Locale.ROOT);
            if (postgresql) {
                try (PreparedStatement advance = connection.prepareStatement(
                        "SELECT setval(c.oid, GREATEST(?, s.last_value)) FROM pg_class c JOIN pg_sequences s ON s.sequencename = c.relname"
                                + " WHERE c.relkind = 'S' AND c.relname = ? AND pg_table_is_visible(c.oid)")) {
                    advance.setLong(1, prefix.getValue());
                    advance.setString(2, sequence);
                    advance.executeQuery().close(); // no row: no sequence yet, the server creates it after the highest number
                }
            } else {
                boolean exists;
                try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM SYS.SYSSEQUENCES WHERE SEQUENCENAME = ?")) {
                    find.setString(1, sequence.toUpperCase(java.util.Locale.ROOT));
                    try (ResultSet row = find.executeQuery()) {
                        exists = row.next();
                    }
                }
                if (exists) {
                    try (Statement drop = connection.createStatement()) {
                        drop.execute("DROP SEQUENCE " + sequence + " RESTRICT");
                    }
                }
            }
        }
        connection.commit();
    }
}
