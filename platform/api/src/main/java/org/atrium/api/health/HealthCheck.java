package org.atrium.api.health;

import org.osgi.annotation.versioning.ProviderType;

/** Asks this node's database whether it answers; registered once the schema is migrated. */
@ProviderType
public interface HealthCheck {

    /** Never throws: a database that does not answer is a report with {@code up} false. */
    DatabaseHealth database();
}
