/**
 * Files attached to tickets: upload, list, download, with the same visibility as the ticket
 * (README, "The API"; docs/gdpr.md, "Attachments").
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.attachment;
