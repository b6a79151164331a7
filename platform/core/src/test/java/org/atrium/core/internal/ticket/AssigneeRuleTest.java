package org.atrium.core.internal.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.directory.TestPeople;
import org.junit.jupiter.api.Test;

class AssigneeRuleTest {
    private final AssigneeRule rule = new AssigneeRule(TestPeople.demo()
            .add(new org.atrium.api.directory.Person("left", "Left", null, "en", "it", null, "DE", "DE-BE",
                    java.util.Set.of("agent-it"), false, null)).directory());
    private final Caller ina = Caller.of("ina", "employee", "agent-it");

    @Test
    void anActiveAgentOfTheDepartmentMayBeAssigned() {
        assertEquals("chris", rule.check(ina, "it", "chris"));
        assertEquals("ina", rule.check(ina, "it", "me"));
    }

    @Test
    void othersAreRefusedNamingTheAssignee() {
        for (String wrong : new String[] {"hanna", "anna", "nobody", "left"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> rule.check(ina, "it", wrong), wrong);
            assertEquals("assignee", e.errors().get(0).field());
        }
        ValidationException me = assertThrows(ValidationException.class, () -> rule.check(Caller.of("admin", "admin"), "it", "me"));
        assertEquals("'admin' is not an agent of it (role agent-it)", me.errors().get(0).reason());
    }
}
