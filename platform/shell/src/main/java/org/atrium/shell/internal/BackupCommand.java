package org.atrium.shell.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

/**
 * atrium:backup - an online backup of the embedded Derby database (Derby's SYSCS_BACKUP_DATABASE: a
 * consistent copy while Atrium keeps serving; writes wait while the data files are copied). The
 * restore is a copy back while Atrium is stopped (docs/operations.md, "Backup and restore").
 */
@Service
@Command(scope = "atrium", name = "backup", description = "Copies the embedded Derby database into a new folder while Atrium runs")
public class BackupCommand extends AtriumCommand {
    private static final String DERBY = "Apache Derby";

    @Reference(filter = "(osgi.jndi.service.name=atrium)")
    private DataSource database;

    @Argument(index = 0, name = "folder", required = true,
            description = "a folder that does not exist yet or is empty, on the server's file system; the copy goes to <folder>/derby")
    private String folder;

    @Override
    protected Object run() throws Exception {
        Path target = Path.of(folder).toAbsolutePath().normalize();
        if (Files.exists(target) && !(Files.isDirectory(target) && isEmpty(target))) {
            throw mistake(target + " already exists and is not an empty folder: give a new one, e.g. backups/" + java.time.LocalDate.now());
        }
        long started = System.nanoTime();
        try (Connection connection = database.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            if (!DERBY.equals(product)) {
                throw mistake("atrium:backup copies the embedded Derby database; this node uses " + product
                        + ", which is backed up with its own tools (pg_dump; docs/operations.md)");
            }
            try (CallableStatement backup = connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                backup.setString(1, target.toString());
                backup.execute();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Backed up the database into %s (%d KB in %d ms); restore it as docs/operations.md says%n",
                target.resolve("derby"), sizeInKb(target), millis);
        return null;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static long sizeInKb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum() / 1024;
        }
    }
}
