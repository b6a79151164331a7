@org.osgi.annotation.versioning.Version("0.6.0")
package org.atrium.api.ticket;
