package org.atrium.shell.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atrium.api.NotFoundException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.security.Caller;
import org.atrium.api.sla.SlaClockEntry;
import org.atrium.api.sla.SlaService;

/**
 * atrium:sla - a department's SLA clocks at risk (nearest breach first) or its breaches in a period.
 * Reads through SlaService with the REST API's checks: as an administrator by default (no
 * confidential tickets), or as a person of the directory ({@code --user hanna} for HR's).
 */
@Service
@Command(scope = "atrium", name = "sla", description = "Lists a department's SLA clocks at risk, or its breaches")
public class SlaCommand extends AtriumCommand {
    @Reference
    private SlaService sla;

    @Reference
    private Directory directory;

    @Argument(index = 0, name = "department", required = true, description = "the department, e.g. it")
    private String department;

    @Option(name = "-b", aliases = "--breaches", description = "the breaches recorded in the period instead of the clocks at risk")
    private boolean breaches;

    @Option(name = "--from", description = "with --breaches: start, a date (YYYY-MM-DD) or an instant; default 30 days before --to")
    private String from;

    @Option(name = "--to", description = "with --breaches: end (exclusive), a date or an instant; default now")
    private String to;

    @Option(name = "-l", aliases = "--limit", description = "at most this many (1..200, default 50)")
    private int limit = SlaService.DEFAULT_LIMIT;

    @Option(name = "-u", aliases = "--user", description = "read as this person of the directory instead of as an administrator")
    private String user;

    @Override
    protected Object run() throws Exception {
        Caller caller = user == null ? Caller.of("karaf-console", Caller.ADMIN) : asPerson(user);
        print(breaches ? sla.breaches(caller, department, instant(from), instant(to), limit) : sla.atRisk(caller, department, limit));
        return null;
    }

    private Caller asPerson(String id) {
        Person person = directory.find(id).orElseThrow(() -> new NotFoundException("No person " + id + " in the directory"));
        return new Caller(person.id(), person.roles());
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        return text.contains("T") ? Instant.parse(text) : LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    private void print(List<SlaClockEntry> rows) {
        ShellTable table = new ShellTable();
        for (String column : List.of("Ticket", "Clock", "Priority", "State", "Due", "Remaining", "Breached", "Calendar", "Summary")) {
            table.column(column);
        }
        for (SlaClockEntry e : rows) {
            table.addRow().addContent(e.ticketKey(), e.clock(), e.priority(), e.state(), e.dueAt() == null ? "" : e.dueAt(), e.remaining(),
                    e.breachedAt() == null ? "" : e.breachedAt(), e.calendar(), e.summary());
        }
        table.print(System.out);
        if (rows.isEmpty()) {
            System.out.println(breaches ? "No breaches in the period." : "No running clocks.");
        }
    }
}
