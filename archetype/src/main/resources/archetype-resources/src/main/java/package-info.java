/**
 * The ${department} department: its request types are the descriptors under src/main/resources/atrium,
 * its rules the extensions in this package.
 */
// resolve only where Atrium's request-type extender (1.x) runs: bnd turns this into the Require-Capability header
@RequireRequestTypeExtender
package ${package};

import org.atrium.api.spi.RequireRequestTypeExtender;
