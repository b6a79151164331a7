/** Errors shared by every Atrium service; REST maps them to problem+json. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api;
