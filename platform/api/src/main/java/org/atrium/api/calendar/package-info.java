/**
 * Public holidays (by country and ISO 3166-2 region, from Jollyday) and business calendars
 * (working hours, time zone, holidays, closing days) for SLA clocks.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.calendar;
