/** The requester's rating of a resolved or closed ticket (score 1 to 5, an optional comment). */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.rating;
