/**
 * The directory: people, their managers, German states, roles and out-of-office delegates. The
 * built-in provider keeps them in Atrium's database (filled by CSV import); a {@link
 * org.atrium.api.directory.DirectoryProvider} can supply them from elsewhere, e.g. LDAP.
 * Authentication stays with Karaf JAAS.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.directory;
