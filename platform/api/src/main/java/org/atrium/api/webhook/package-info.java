/**
 * Webhooks: subscriptions by event type and department, managed by administrators, and the log of
 * the signed HTTP POSTs that deliver events to them (docs/webhooks.md).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.webhook;
