/** Per-type workflows as descriptors declare them: states with status categories, transitions, guards, field rules. */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.atrium.api.workflow;
