/**
 * The audit trail: who did what, when and from where. Ticket changes are their history rows; this
 * package adds what history does not hold (reads of confidential tickets, exports, erasures, failed
 * logins) and the admins' view over both ({@code GET /api/v1/audit}).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.audit;
