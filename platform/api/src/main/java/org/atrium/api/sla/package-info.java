/**
 * Service levels: the clocks a request type's policy declares (first response, resolution, OLAs
 * between teams), measured in business time on a calendar, and their explanation.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.sla;
