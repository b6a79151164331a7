package org.atrium.core.internal.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.atrium.api.directory.AssignmentGroup;
import org.atrium.core.internal.config.FrameworkProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One department's assignment groups, from a factory configuration {@code org.atrium.groups-<name>}
 * (a file {@code etc/org.atrium.groups-<name>.cfg} that the department's feature writes on first
 * install and the department admin edits while the server runs):
 * <pre>
 * department = it
 * network.name.en = Network
 * network.name.de = Netzwerk
 * network.members = ina, chris
 * </pre>
 * Keys that are not of this form are refused with a log line naming them; the rest is used.
 */
@Component(service = GroupsConfiguration.class, configurationPid = GroupsConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class GroupsConfiguration {
    public static final String PID = "org.atrium.groups";
    /** A group key: lower case letters, digits and dashes, as descriptors name it. */
    public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    private static final Pattern PROPERTY = Pattern.compile("([a-z][a-z0-9-]{0,49})\\.(name\\.(de|en)|members)");
    private static final Logger LOG = LoggerFactory.getLogger(GroupsConfiguration.class);
    private final String department;
    private final List<AssignmentGroup> groups;

    @Activate
    public GroupsConfiguration(Map<String, Object> properties) {
        Object department = properties.get("department");
        this.department = department == null ? null : department.toString().strip();
        if (this.department == null || this.department.isEmpty()) {
            LOG.error("Assignment groups configuration {} names no department: ignored", properties.get("service.pid"));
        }
        this.groups = this.department == null || this.department.isEmpty() ? List.of() : parse(this.department, properties);
    }

    public String department() {
        return department;
    }

    public List<AssignmentGroup> groups() {
        return groups;
    }

    private static List<AssignmentGroup> parse(String department, Map<String, Object> properties) {
        Map<String, Map<String, String>> names = new TreeMap<>();
        Map<String, LinkedHashSet<String>> members = new TreeMap<>();
        properties.forEach((name, value) -> {
            if (name.equals("department") || FrameworkProperties.isFramework(name)) { // properties the framework adds (osgi.ds.satisfying.condition.target)
                return;
            }
            var property = PROPERTY.matcher(name);
            if (!property.matches()) {
                LOG.error("Assignment groups of {}: '{}' is not <group>.name.de, <group>.name.en or <group>.members; ignored",
                        department, name);
                return;
            }
            String group = property.group(1);
            names.computeIfAbsent(group, g -> new TreeMap<>());
            members.computeIfAbsent(group, g -> new LinkedHashSet<>());
            if (property.group(3) != null) {
                names.get(group).put(property.group(3), value.toString().strip());
            } else {
                Arrays.stream(value.toString().split(",")).map(String::strip).filter(id -> !id.isEmpty())
                        .forEach(members.get(group)::add);
            }
        });
        List<AssignmentGroup> groups = new ArrayList<>();
        names.forEach((group, labels) -> groups.add(new AssignmentGroup(department, group, labels, members.get(group))));
        return List.copyOf(groups);
    }
}
