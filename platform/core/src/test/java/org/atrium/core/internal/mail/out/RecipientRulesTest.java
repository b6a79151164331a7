package org.atrium.core.internal.mail.out;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecipientRulesTest {
    private static final TicketFacts INCIDENT = new TicketFacts("IT-1", "it.incident", "it", "anna", null, "it-service-desk", "new",
            "open", false);
    private final RecipientRules rules = new RecipientRules(new RecipientRules.People() {
        @Override
        public Collection<String> withRole(String role) {
            return switch (role) {
                case "agent-it" -> List.of("ina", "chris");
                case "it-lead" -> List.of("chris");
                default -> List.of();
            };
        }

        @Override
        public Collection<String> groupMembers(String department, String group) {
            return "it-service-desk".equals(group) ? List.of("ina") : List.of();
        }
    });

    private List<String> to(String topic, Map<String, Object> event, TicketFacts ticket, List<String> watchers, String template) {
        List<Notice> notices = rules.noticesFor(topic, event, ticket, watchers);
        notices.forEach(notice -> assertEquals(template, notice.template()));
        return notices.stream().map(Notice::person).toList();
    }

    @Test
    void aNewRequestIsConfirmedToItsRequester() {
        assertEquals(List.of("anna"), to("atrium/ticket/CREATED", Map.of("actor", "anna"), INCIDENT, List.of("bob"), "created"));
    }

    @Test
    void aPublicCommentReachesRequesterAndWatchersButNotItsAuthor() {
        assertEquals(List.of("anna", "bob"), to("atrium/ticket/COMMENTED", Map.of("actor", "ina", "internal", false), INCIDENT,
                List.of("bob", "ina"), "commented"));
        assertEquals(List.of("ina"), to("atrium/ticket/COMMENTED", Map.of("actor", "anna", "internal", false), INCIDENT,
                List.of("ina"), "commented"));
        assertEquals(List.of(), to("atrium/ticket/COMMENTED", Map.of("actor", "ina", "internal", true), INCIDENT, List.of("bob"), "-"));
    }

    @Test
    void waitingAndResolvedFollowTheStateEntered() {
        TicketFacts waiting = new TicketFacts("IT-1", "it.incident", "it", "anna", "ina", null, "waiting-for-requester", "pending", false);
        assertEquals(List.of("anna"), to("atrium/ticket/TRANSITIONED", Map.of("actor", "ina", "to", "waiting-for-requester"), waiting,
                List.of("bob"), "waiting"));
        TicketFacts resolved = new TicketFacts("IT-1", "it.incident", "it", "anna", "ina", null, "resolved", "resolved", false);
        assertEquals(List.of("anna", "bob"), to("atrium/ticket/TRANSITIONED", Map.of("actor", "ina", "to", "resolved"), resolved,
                List.of("bob"), "resolved"));
        assertEquals(List.of(), to("atrium/ticket/TRANSITIONED", Map.of("actor", "ina", "to", "waiting-for-requester"), resolved,
                List.of(), "-"), "the ticket moved on since: the later event tells");
    }

    @Test
    void anyStateTheDescriptorMarksAsWaitingForTheRequesterMailsThem() {
        TicketFacts askedForDetails = new TicketFacts("FAC-1", "facility.repair", "facility", "anna", "felix", null, "needs-details",
                "pending", false, true);
        assertEquals(List.of("anna"), to("atrium/ticket/TRANSITIONED", Map.of("actor", "felix", "to", "needs-details"), askedForDetails,
                List.of("bob"), "waiting"));
        TicketFacts supplier = new TicketFacts("IT-1", "it.incident", "it", "anna", "ina", null, "waiting-for-supplier", "pending", false);
        assertEquals(List.of(), to("atrium/ticket/TRANSITIONED", Map.of("actor", "ina", "to", "waiting-for-supplier"), supplier,
                List.of("bob"), "-"), "a pending state that waits for someone else");
        TicketFacts unmarked = new TicketFacts("IT-1", "x.type", "it", "anna", "ina", null, "waiting-for-requester", "pending", false, false);
        assertEquals(List.of(), to("atrium/ticket/TRANSITIONED", Map.of("actor", "ina", "to", "waiting-for-requester"), unmarked,
                List.of(), "-"), "a descriptor may switch the old key off");
    }

    @Test
    void approvalsGoToTheirApprover() {
        List<Notice> notices = rules.noticesFor("atrium/approval/REQUESTED", Map.of("approver", "marc", "approval", 4L), INCIDENT, List.of());
        assertEquals(List.of(new Notice("marc", "approval", true)), notices);
        assertEquals(List.of("marc"), to("atrium/approval/REMINDED", Map.of("approver", "marc"), INCIDENT, List.of(), "reminder"));
    }

    @Test
    void slaEventsGoToTheRolesThePolicyNamesElseAssigneeGroupOrDepartment() {
        assertEquals(List.of("chris"), to("atrium/sla/BREACHED", Map.of("notify", List.of("it-lead")), INCIDENT, List.of(), "sla-breach"));
        assertEquals(List.of("ina"), to("atrium/sla/WARNING", Map.of(), INCIDENT, List.of(), "sla-warning"), "the group's members");
        TicketFacts assigned = new TicketFacts("IT-1", "it.incident", "it", "anna", "chris", "it-service-desk", "new", "open", false);
        assertEquals(List.of("chris"), to("atrium/sla/WARNING", Map.of(), assigned, List.of(), "sla-warning"));
        TicketFacts noGroup = new TicketFacts("IT-1", "it.incident", "it", "anna", null, null, "new", "open", false);
        assertEquals(List.of("ina", "chris"), to("atrium/sla/WARNING", Map.of(), noGroup, List.of(), "sla-warning"));
    }
}
