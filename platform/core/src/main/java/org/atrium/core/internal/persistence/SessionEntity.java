package org.atrium.core.internal.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A portal sign-in session (table {@code portal_session}, V15), keyed by the SHA-256 hash of its token. */
@Entity
@Table(name = "portal_session")
public class SessionEntity {
    private static final String ROLE_SEPARATOR = ";";

    @Id
    @Column(name = "token_hash")
    private String tokenHash;
    @Convert(converter = PersonColumn.class)
    @Column(name = "person_id", nullable = false, updatable = false)
    private String login;
    @Column(nullable = false, updatable = false)
    private String roles;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected SessionEntity() {
    }

    public SessionEntity(String tokenHash, String login, Set<String> roles, Instant createdAt) {
        this.tokenHash = tokenHash;
        this.login = login;
        this.roles = String.join(ROLE_SEPARATOR, new TreeSet<>(roles));
        this.createdAt = createdAt;
        this.lastSeenAt = createdAt;
    }

    public String getTokenHash() { return tokenHash; }
    public String getLogin() { return login; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastSeenAt() { return lastSeenAt; }

    public Set<String> getRoles() {
        return roles.isEmpty() ? Set.of()
                : Arrays.stream(roles.split(ROLE_SEPARATOR)).filter(role -> !role.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
