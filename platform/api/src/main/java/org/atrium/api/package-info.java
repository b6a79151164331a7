/** Errors shared by every Atrium service; REST maps them to problem+json. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.atrium.api;
