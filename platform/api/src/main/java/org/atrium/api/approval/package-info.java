/**
 * Approvals: the processes and stages a request type's descriptor declares, the approval requests
 * they create, and the service through which approvers decide.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.approval;
