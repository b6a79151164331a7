package org.atrium.api.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void rolesDecideAgentAndAdmin() {
        Caller agent = Caller.of("bob", "agent-it");
        assertTrue(agent.isAgent());
        assertTrue(agent.isAgentOf("it"));
        assertFalse(agent.isAgentOf("hr"));
        assertFalse(agent.isAdmin());

        Caller admin = Caller.of("root", Caller.ADMIN);
        assertTrue(admin.isAdmin());
        assertFalse(admin.isAgent());
        assertFalse(admin.isAgentOf("it"));

        Caller employee = Caller.of("anna");
        assertFalse(employee.isAgent());
        assertFalse(employee.isAdmin());
    }

    @Test
    void rolesAreCopied() {
        Set<String> roles = new HashSet<>(Set.of("agent-it"));
        Caller caller = new Caller("bob", roles);
        roles.add(Caller.ADMIN);
        assertFalse(caller.isAdmin());
        assertThrows(UnsupportedOperationException.class, () -> caller.roles().add("admin"));
    }
}
