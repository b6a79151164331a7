package org.atrium.api.health;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the node that reports whether it runs; {@code GET /health} asks every registered one and
 * answers 503 when one is down or an expected one is not registered.
 */
@ConsumerType
public interface HealthIndicator {

    /** Never throws; cheap enough for a load balancer to ask every few seconds. */
    List<ComponentHealth> check();
}
