/** HR's Java extensions; the bundle's descriptors need Atrium's request-type extender 1.x. */
@RequireRequestTypeExtender
package org.atrium.hr.internal;

import org.atrium.api.spi.RequireRequestTypeExtender;
