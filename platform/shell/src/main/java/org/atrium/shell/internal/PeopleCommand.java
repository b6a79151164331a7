package org.atrium.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atrium.api.directory.Directory;
import org.atrium.api.directory.Person;

/** atrium:people - search the directory (active people) as an administrator sees it, with state, roles and delegate. */
@Service
@Command(scope = "atrium", name = "people", description = "Lists the active people of the directory whose id, name or e-mail contains the text")
public class PeopleCommand extends AtriumCommand {
    @Reference
    private Directory directory;

    @Argument(index = 0, name = "text", description = "text to look for (all people when absent)", required = false)
    private String text;

    @Option(name = "-n", aliases = "--limit", description = "how many (1 to 100)")
    private int limit = 50;

    @Override
    protected Object run() throws Exception {
        List<Person> people = directory.search(text, limit);
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Name", "E-mail", "Department", "Manager", "State", "Roles", "Away")) {
            table.column(column);
        }
        for (Person person : people) {
            String away = person.outOfOffice() == null ? "" : person.outOfOffice().from() + ".." + person.outOfOffice().until()
                    + " -> " + person.outOfOffice().delegate();
            table.addRow().addContent(person.id(), person.displayName(), orEmpty(person.email()), orEmpty(person.department()),
                    orEmpty(person.manager()), orEmpty(person.region()), String.join(" ", person.roles().stream().sorted().toList()), away);
        }
        table.print(System.out);
        return null;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
