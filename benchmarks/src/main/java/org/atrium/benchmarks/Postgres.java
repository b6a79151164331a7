package org.atrium.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL 15 cluster for the run (Debian's binaries, as the postgres user when this JVM
 * is root), on a free port with its data under /tmp, with PostgreSQL's durable defaults (fsync and
 * synchronous commits on, as in production) and pg_stat_statements loaded to measure database time.
 */
final class Postgres implements AutoCloseable {
    static final Path BIN = Path.of(System.getProperty("bench.postgresqlBin", "/usr/lib/postgresql/15/bin"));
    static final String USER = "atrium";

    private final Path folder;
    private final int port;

    private Postgres(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    static Postgres start() {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (no " + BIN + "/initdb): apt-get install -y postgresql");
        }
        Path folder = Path.of("/tmp", "atrium-bench-pg-" + ProcessHandle.current().pid());
        int port = Karaf.freePort();
        run(List.of(BIN.resolve("initdb").toString(), "-D", folder.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--locale=C.UTF-8"));
        run(List.of(BIN.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", folder.toString(),
                "-l", folder.resolve("server.log").toString(), "-o", "-p " + port + " -k " + folder
                        + " -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_preload_libraries=pg_stat_statements"));
        Postgres postgres = new Postgres(folder, port);
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-postgres"));
        return postgres;
    }

    /** A new database with pg_stat_statements; returns its JDBC URL (strings untyped, as Atrium's configuration says). */
    String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try (Connection c = DriverManager.getConnection(url(name), USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?stringtype=unspecified";
    }

    Connection connect(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url, USER, "");
        connection.setAutoCommit(false);
        return connection;
    }

    /** Forgets what pg_stat_statements counted so far. */
    void resetStatements(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, USER, ""); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Milliseconds the database spent executing statements of this database since the last reset. */
    double statementMillis(String url, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, USER, ""); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT COALESCE(SUM(total_exec_time), 0) FROM pg_stat_statements s"
                     + " JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = '" + database + "'")) {
            row.next();
            return row.getDouble(1);
        }
    }

    /** Connections to the database per application name (each node names itself), e.g. "atrium-a 9, atrium-b 7". */
    String connectionsPerNode(String url, String database) throws SQLException {
        List<String> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, USER, ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT application_name, COUNT(*) FROM pg_stat_activity WHERE datname = '"
                     + database + "' AND application_name LIKE 'atrium-%' GROUP BY application_name ORDER BY 1")) {
            while (rows.next()) {
                counts.add(rows.getString(1) + " " + rows.getInt(2));
            }
        }
        return String.join(", ", counts);
    }

    String version() {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, ""); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SHOW server_version")) {
            row.next();
            return row.getString(1).split(" ")[0];
        } catch (SQLException e) {
            return "15";
        }
    }

    @Override
    public synchronized void close() {
        if (Files.isDirectory(folder)) {
            try {
                run(List.of(BIN.resolve("pg_ctl").toString(), "stop", "-m", "fast", "-w", "-D", folder.toString()));
            } catch (RuntimeException e) {
                System.err.println("Could not stop PostgreSQL in " + folder + ": " + e.getMessage());
            }
            run(List.of("rm", "-rf", folder.toString()));
        }
    }

    private static void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", "postgres", "--")); // the PostgreSQL tools refuse to run as root
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", full) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", full) + " interrupted", e);
        }
    }

    static String databaseName(String url) {
        String path = url.substring(url.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).toLowerCase(Locale.ROOT);
    }
}
