package org.atrium.api.kpi;

import org.atrium.api.security.Caller;

/**
 * KPIs of the departments the caller may watch: a department's agents and administrators see its
 * figures, platform administrators every department's; anyone else gets a ForbiddenException. Bad
 * parameters give a ValidationException naming each.
 */
@org.osgi.annotation.versioning.ProviderType
public interface KpiService {
    KpiReport report(Caller caller, KpiQuery query);
}
