package org.atrium.core.internal.sla;

import java.util.Optional;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.sla.SlaPolicy;

/**
 * The service levels in force for a type: its descriptor's policy with the department's overrides
 * from Karaf configuration applied. Asked at every clock computation, so a changed configuration
 * applies from the next one on, without a restart.
 */
public interface SlaPolicies {
    Optional<SlaPolicy> effective(RequestType type);

    /** The descriptors' policies as they are, without overrides (tests, and before configuration is read). */
    SlaPolicies AS_DECLARED = type -> Optional.ofNullable(type.sla());
}
