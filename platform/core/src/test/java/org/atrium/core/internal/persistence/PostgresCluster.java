package org.atrium.core.internal.persistence;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.BasicDataSource;

/**
 * A private PostgreSQL 15 cluster owned by the test run: its own data folder under /tmp and its own
 * free port, started at first use and stopped (pg_ctl stop) when the JVM ends, whether the tests
 * passed or not, and even when the JVM is halted or killed (a watcher process). Each caller gets a fresh database in it. Debian's binaries refuse to run as root,
 * so as root they run as the {@code postgres} system user. Missing binaries fail the test: CI
 * installs the Debian package {@code postgresql}; nothing is skipped silently.
 */
public final class PostgresCluster {
    public static final Path BIN = Path.of(System.getProperty("atrium.postgresql.bin", "/usr/lib/postgresql/15/bin"));
    private static final String SUPERUSER = "atrium";
    private static PostgresCluster running;

    private final Path dataFolder;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(Path dataFolder, int port) {
        this.dataFolder = dataFolder;
        this.port = port;
    }

    /** The cluster of this JVM, started on first use. */
    public static synchronized PostgresCluster get() {
        if (running == null) {
            running = start();
            PostgresCluster cluster = running;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "postgres-cluster-stop"));
        }
        return running;
    }

    private static PostgresCluster start() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (no " + BIN + "/initdb, pg_ctl): the tests need it. "
                    + "Install it with: apt-get update && apt-get install -y postgresql");
        }
        // initdb creates the folder itself; /tmp is writable for the postgres user
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "atrium-pg-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
        int port = freePort();
        run(List.of(BIN.resolve("initdb").toString(), "-D", folder.toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        // durability is not what these tests check: skip the fsyncs
        String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        run(List.of(BIN.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", folder.toString(),
                "-l", folder.resolve("server.log").toString(), "-o", options));
        watchOwner(folder);
        return new PostgresCluster(folder, port);
    }

    /**
     * A shutdown hook does not run when the JVM is halted (Surefire halts a fork that is slow to
     * exit) or killed: a small shell process outlives the JVM, waits for it to end, then stops the
     * cluster and removes its folder. After a normal exit the hook has done both already.
     */
    private static void watchOwner(Path folder) {
        String asPostgres = isRoot() ? "runuser -u postgres -- " : "";
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + asPostgres + BIN.resolve("pg_ctl") + " stop -m immediate -w -D " + folder + " >/dev/null 2>&1; "
                + asPostgres + "rm -rf " + folder;
        try {
            new ProcessBuilder("sh", "-c", script)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the watcher of the test PostgreSQL cluster: " + e.getMessage(), e);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** A new, empty database in the cluster, pooled. */
    public DataSource newDatabase(String name) {
        return dataSource(createDatabase(name));
    }

    /** Creates a new, empty database in the cluster; returns its name. */
    public String createDatabase(String name) {
        String database = ("atrium_" + name.replaceAll("[^A-Za-z0-9]", "_") + "_" + databases.incrementAndGet()).toLowerCase();
        try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
        return database;
    }

    /**
     * A pooled DataSource (dbcp2, as in Karaf) configured as the documented configuration does it:
     * strings sent untyped, so that the jsonb column of form values accepts them.
     */
    public DataSource dataSource(String database) {
        BasicDataSource ds = new BasicDataSource();
        ds.setDriverClassName("org.postgresql.Driver");
        ds.setUrl(url(database) + "?stringtype=unspecified");
        ds.setUsername(SUPERUSER);
        ds.setMaxTotal(16);
        ds.setMaxIdle(16);
        return ds;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String user() {
        return SUPERUSER;
    }

    private void stop() {
        try {
            run(List.of(BIN.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-w", "-D", dataFolder.toString()));
        } catch (RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL cluster in " + dataFolder + ": " + e.getMessage());
        }
        run(List.of("rm", "-rf", dataFolder.toString()));
    }

    /** Runs a PostgreSQL tool, as the postgres user when this JVM is root (the tools refuse root). */
    private static void run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + full + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + full, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
