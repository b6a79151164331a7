/**
 * Sign-in sessions of the web portal: a random token in a cookie, kept in the database as its
 * SHA-256 hash, so that every node accepts a session another node created and a logout is seen by
 * all of them. The REST API authenticates either by HTTP Basic or by such a session.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.session;
