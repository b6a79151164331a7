/** Notifications by mail: who follows a ticket, approval links from mails, the outgoing mail queue. */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.notification;
