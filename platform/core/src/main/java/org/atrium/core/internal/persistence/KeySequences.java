package org.atrium.core.internal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One database sequence per ticket key prefix ({@code ticket_key_it} for IT-1, IT-2, ...): what
 * the numbers of ticket keys come from. A sequence hands out a number without a row lock that
 * lasts until the commit (the counter row of V4 did, which made creation per prefix serial in the
 * database), and never twice, also across nodes. It is not transactional: a rolled-back creation
 * leaves a gap, and embedded Derby preallocates a block of numbers (100 by default,
 * {@code derby.language.sequence.preallocator}) in memory, so an unclean stop may skip up to that
 * many; a refill that meets another transaction's lock on the catalog row (nodes racing at the first
 * use of a prefix, TicketKeyAllocator) may skip numbers too. Keys stay unique; they were never
 * promised to be gap-free.
 * <p>
 * The same DDL runs on Derby 10.14 and PostgreSQL 15; taking a number and finding a sequence in
 * the catalog differ per dialect.
 */
public final class KeySequences {
    /** What a descriptor's keyPrefix may be (DescriptorReader checks the same): safe inside a name. */
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,10}");
    private static final String NAME_PREFIX = "ticket_key_";

    private KeySequences() {
    }

    /** The sequence of a key prefix; refuses anything that is not a valid prefix, so that no input reaches the SQL. */
    public static String name(String keyPrefix) {
        if (keyPrefix == null || !PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("a ticket key prefix is 1 to 10 upper-case letters or digits: " + keyPrefix);
        }
        return NAME_PREFIX + keyPrefix.toLowerCase(Locale.ROOT);
    }

    /** A query whose single row and column is the sequence's next value. */
    public static String nextValueSql(Dialect dialect, String sequence) {
        return dialect == Dialect.POSTGRESQL ? "SELECT nextval('" + sequence + "')" : "VALUES NEXT VALUE FOR " + sequence;
    }

    /** DDL that creates the sequence with {@code first} as its first value (the same on both databases). */
    public static String createSql(String sequence, long first) {
        return "CREATE SEQUENCE " + sequence + " AS BIGINT START WITH " + first;
    }

    /** A query with one parameter, the sequence's name as {@link #catalogName} gives it, that finds it in the current schema. */
    public static String existsSql(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL
                ? "SELECT 1 FROM pg_class WHERE relkind = 'S' AND relname = ? AND pg_table_is_visible(oid)"
                : "SELECT 1 FROM SYS.SYSSEQUENCES q JOIN SYS.SYSSCHEMAS s ON q.SCHEMAID = s.SCHEMAID"
                        + " WHERE q.SEQUENCENAME = ? AND s.SCHEMANAME = CURRENT SCHEMA";
    }

    /** The name as the catalog stores it: Derby folds unquoted names to upper case, PostgreSQL to lower case. */
    public static String catalogName(Dialect dialect, String sequence) {
        return dialect == Dialect.POSTGRESQL ? sequence : sequence.toUpperCase(Locale.ROOT);
    }

    /**
     * A query with one parameter, the key prefix, whose single value is the first number a new sequence
     * of the prefix may hand out: past every stored ticket of the prefix (1 without one).
     */
    public static final String FIRST_FREE_SQL = "SELECT COALESCE(MAX(key_number), 0) + 1 FROM ticket WHERE key_prefix = ?";

    private static long firstFree(Connection connection, String keyPrefix) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(FIRST_FREE_SQL)) {
            query.setString(1, keyPrefix);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * Migration V12, before its script drops {@code ticket_key_counter}: a sequence per counter row,
     * starting after the counter's last number (and after every stored key of the prefix), in the
     * migration's transaction.
     */
    static void fromCounters(Connection connection, Dialect dialect) throws SQLException {
        Map<String, Long> next = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key_prefix, last_number FROM ticket_key_counter")) {
            while (rows.next()) {
                next.put(rows.getString(1), rows.getLong(2) + 1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (Map.Entry<String, Long> prefix : next.entrySet()) {
                long first = Math.max(prefix.getValue(), firstFree(connection, prefix.getKey()));
                statement.execute(createSql(name(prefix.getKey()), first));
            }
        }
    }
}
