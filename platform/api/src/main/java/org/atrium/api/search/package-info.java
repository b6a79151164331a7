/** Full-text search over the tickets a caller may see (GET /tickets?q=). */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.atrium.api.search;
