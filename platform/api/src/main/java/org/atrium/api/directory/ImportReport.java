package org.atrium.api.directory;

import java.util.List;

/**
 * What an import did: the ids created, updated and left unchanged, and the rows refused.
 * Importing the same file twice reports everything unchanged the second time.
 */
public record ImportReport(List<String> created, List<String> updated, List<String> unchanged, List<RefusedRow> refused) {
    public ImportReport {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        unchanged = List.copyOf(unchanged);
        refused = List.copyOf(refused);
    }

    /** A row that was not imported: its line in the file (1 is the header), the column and why. */
    public record RefusedRow(int line, String column, String reason) {
    }
}
