/** Public holidays and business calendars. */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.atrium.api.calendar;
