package org.atrium.api.security;

import java.util.Set;

/**
 * The authenticated person on whose behalf a service call runs. Services take it explicitly so
 * that every access decision is made on the server, in one place, and can be unit tested.
 */
public record Caller(String user, Set<String> roles) {
    public static final String ADMIN = "admin";
    public static final String AGENT_PREFIX = "agent-";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(String user, String... roles) {
        return new Caller(user, Set.of(roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(ADMIN);
    }

    /** Agent of the department, e.g. {@code agent-it} for department {@code it}. */
    public boolean isAgentOf(String department) {
        return hasRole(AGENT_PREFIX + department);
    }

    public boolean isAgent() {
        return roles.stream().anyMatch(role -> role.startsWith(AGENT_PREFIX));
    }
}
