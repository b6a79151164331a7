/**
 * Personal data under the GDPR (DSGVO): export everything Atrium holds about a person, erase
 * (anonymise) a person, and anonymise tickets past their retention (docs/gdpr.md).
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.privacy;
