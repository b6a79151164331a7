/** Service-management KPIs computed from the ticket history (docs/kpis.md has the formulas). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.kpi;
