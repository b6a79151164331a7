package org.atrium.core.internal.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atrium.api.directory.AssignmentGroup;
import org.junit.jupiter.api.Test;

/** Groups as a department admin writes them in etc/org.atrium.groups-<name>.cfg. */
class AssignmentGroupsServiceTest {

    @Test
    void readsGroupsNamesAndMembers() {
        GroupsConfiguration it = new GroupsConfiguration(Map.of("department", "it", "service.pid", "org.atrium.groups.x",
                "felix.fileinstall.filename", "file:/etc/org.atrium.groups-it.cfg",
                "network.name.en", "Network", "network.name.de", "Netzwerk", "network.members", " ina, chris ,,",
                "service-desk.name.en", "Service desk", "service-desk.members", "ina"));
        assertEquals("it", it.department());
        assertEquals(List.of(new AssignmentGroup("it", "network", Map.of("en", "Network", "de", "Netzwerk"), Set.of("ina", "chris")),
                new AssignmentGroup("it", "service-desk", Map.of("en", "Service desk"), Set.of("ina"))), it.groups());
    }

    @Test
    void ignoresWhatIsNotAGroupProperty() {
        GroupsConfiguration it = new GroupsConfiguration(Map.of("department", "it", "network.members", "ina",
                "network.name.fr", "Réseau", "Bad Key.members", "x", "network.owner", "chris"));
        assertEquals(List.of(new AssignmentGroup("it", "network", Map.of(), Set.of("ina"))), it.groups());
        assertEquals(List.of(), new GroupsConfiguration(Map.of("network.members", "ina")).groups(), "no department, no groups");
    }

    @Test
    void answersPerDepartmentAndFollowsConfigurationChanges() {
        AssignmentGroupsService service = AssignmentGroupsService.of(Map.of(
                "it", Map.of("network.members", "ina", "workplace.members", "chris"),
                "hr", Map.of("hr-services.members", "hanna")));
        assertEquals(List.of("network", "workplace"), service.of("it").stream().map(AssignmentGroup::key).toList());
        assertEquals(List.of("hr-services", "network", "workplace"), service.all().stream().map(AssignmentGroup::key).toList());
        assertTrue(service.find("hr", "network").isEmpty(), "groups belong to their department");
        assertTrue(service.find("it", "network").orElseThrow().hasMember("ina"));

        GroupsConfiguration facility = new GroupsConfiguration(Map.of("department", "facility", "facility-desk.members", "felix"));
        service.add(facility);
        assertTrue(service.find("facility", "facility-desk").isPresent());
        service.remove(facility);
        assertTrue(service.of("facility").isEmpty());
    }
}
