package org.atrium.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atrium.api.catalog.RefusedDescriptor;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;

/** atrium:types - the registered request types, then the refused descriptors with their reasons. */
@Service
@Command(scope = "atrium", name = "types", description = "Lists the registered request types and the refused descriptors")
public class TypesCommand extends AtriumCommand {
    @Reference
    private RequestTypeRegistry registry;

    @Override
    protected Object run() throws Exception {
        ShellTable types = new ShellTable();
        types.column("Key");
        types.column("Department");
        types.column("Category");
        types.column("Prefix");
        types.column("Version");
        types.column("Name (en)");
        types.column("Audience");
        types.column("Bundle");
        for (RequestType type : registry.all()) {
            types.addRow().addContent(type.key(), type.department(), type.category(), type.keyPrefix(),
                    type.schemaVersion(), type.names().get("en"), String.join(", ", type.audience().entries()), type.bundle());
        }
        types.print(System.out);
        if (!registry.refused().isEmpty()) {
            System.out.println();
            System.out.println("Refused descriptors:");
            ShellTable refused = new ShellTable();
            refused.column("Bundle");
            refused.column("File");
            refused.column("Field");
            refused.column("Reason");
            for (RefusedDescriptor descriptor : registry.refused()) {
                refused.addRow().addContent(descriptor.bundle(), descriptor.file(), descriptor.field(), descriptor.reason());
            }
            refused.print(System.out);
        }
        return null;
    }
}
