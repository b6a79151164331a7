package org.atrium.rest.internal.guard;

import java.util.Set;
import java.util.TreeSet;

import org.atrium.api.health.HealthCheck;
import org.osgi.service.component.annotations.Component;

/**
 * Whether this node may serve API requests now: not before every resource of the API is published
 * (they register one by one at boot, and for about a second {@code /catalog} answered while
 * {@code /tickets/IT-1} was a 404 for a ticket that exists), and not once the framework is stopping
 * (requests then raced the database's shutdown and got 500s). Also asks the database, when a request
 * failed unexpectedly, whether that is because the database is down: 503 instead of 500.
 */
@Component(service = Availability.class) // one per node, shared by RestServer and the exception mapper that asks it
public final class Availability {
    /** Seconds a client waits before it asks again, sent as {@code Retry-After}. */
    public static final int RETRY_AFTER_SECONDS = 2;
    private volatile Set<String> missing = Set.of("(the API's resources)");
    private volatile boolean stopping;
    private volatile HealthCheck database;

    /** What is still to come, empty when the API is complete. */
    public void missing(Set<String> resources) {
        this.missing = Set.copyOf(new TreeSet<>(resources));
    }

    public Set<String> missing() {
        return missing;
    }

    public void stopping() {
        stopping = true;
    }

    public boolean isStopping() {
        return stopping;
    }

    public void database(HealthCheck check) {
        this.database = check;
    }

    /** Why the node cannot serve now, null when it can. */
    public String unavailable() {
        if (stopping) {
            return "The server is shutting down; send the request again in a moment (to another node, where there is one)";
        }
        Set<String> still = missing;
        if (!still.isEmpty()) {
            return "The server is starting; the API is not complete yet (waiting for " + String.join(", ", still) + ")";
        }
        return null;
    }

    /** Why a request that failed unexpectedly could not be served, null when the node should have served it (a 500). */
    public String causeOfFailure() {
        String unavailable = unavailable();
        if (unavailable != null) {
            return unavailable;
        }
        HealthCheck check = database;
        if (check == null) {
            return "The database is not ready on this node";
        }
        var health = check.database();
        return health.up() ? null : "The database does not answer: " + health.problem();
    }
}
