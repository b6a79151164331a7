package org.atrium.shell.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atrium.api.NotFoundException;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;
import org.atrium.api.kpi.KpiQuery;
import org.atrium.api.kpi.KpiReport;
import org.atrium.api.kpi.KpiRow;
import org.atrium.api.kpi.KpiService;
import org.atrium.api.security.Caller;

/**
 * atrium:kpis - the KPIs of docs/kpis.md as a table, one row per period, department, type and
 * priority. Reads through KpiService with the REST API's checks: as an administrator by default, or
 * as a person of the directory ({@code --user ina}).
 */
@Service
@Command(scope = "atrium", name = "kpis", description = "Prints MTTR, MTTA, first-time fix, reopen rate, SLA compliance, CSAT and backlog")
public class KpisCommand extends AtriumCommand {
    @Reference
    private KpiService kpis;

    @Reference
    private Directory directory;

    @Option(name = "-d", aliases = "--department", description = "only this department, e.g. it")
    private String department;

    @Option(name = "-t", aliases = "--type", description = "only this request type, e.g. it.incident")
    private String type;

    @Option(name = "--priority", description = "only this priority, P1..P4")
    private String priority;

    @Option(name = "-p", aliases = "--period", description = "day, week or month (default month)")
    private String period;

    @Option(name = "--from", description = "first day (YYYY-MM-DD); default the first of the month two months before --to")
    private String from;

    @Option(name = "--to", description = "last day, inclusive (YYYY-MM-DD); default today")
    private String to;

    @Option(name = "-u", aliases = "--user", description = "read as this person of the directory instead of as an administrator")
    private String user;

    @Override
    protected Object run() throws Exception {
        Caller caller = user == null ? Caller.of("karaf-console", Caller.ADMIN) : asPerson(user);
        KpiReport report = kpis.report(caller, new KpiQuery(department, type, priority, period, date(from), date(to), null));
        print(report);
        return null;
    }

    private Caller asPerson(String id) {
        Person person = directory.find(id).orElseThrow(() -> new NotFoundException("No person " + id + " in the directory"));
        return new Caller(person.id(), person.roles());
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static void print(KpiReport report) {
        System.out.println("KPIs " + report.from() + " to " + report.to() + " by " + report.period() + " (" + report.zone() + "), departments "
                + String.join(", ", report.departments()));
        ShellTable table = new ShellTable();
        for (String column : List.of("Period", "Department", "Type", "Prio", "Opened", "Resolved", "MTTR business", "MTTR wall", "MTTA",
                "First-time fix", "Reopen", "SLA met", "CSAT")) {
            table.column(column);
        }
        for (KpiRow r : report.rows()) {
            table.addRow().addContent(r.periodStart(), r.department(), r.type(), r.priority(), r.opened(), r.resolved(),
                    duration(r.mttrBusinessSeconds()), duration(r.mttrWallSeconds()), duration(r.mttaSeconds()), share(r.firstTimeFixRate()),
                    share(r.reopenRate()), share(r.slaCompliance()), r.csatMean() == null ? "" : String.format(Locale.ROOT, "%.2f (%d)",
                            r.csatMean(), r.ratings()));
        }
        table.print(System.out);
        if (report.rows().isEmpty()) {
            System.out.println("No tickets in the period.");
        }
        long open = report.backlog().stream().mapToLong(b -> b.tickets()).sum();
        System.out.println("Backlog now: " + open + " open tickets");
    }

    private static String duration(Double seconds) {
        return seconds == null ? "" : Duration.ofSeconds(Math.round(seconds)).toString().substring(2).toLowerCase(Locale.ROOT);
    }

    private static String share(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }
}
