package org.atrium.api.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Public holidays by region. Regions are ISO 3166-2 codes as Jollyday knows them, e.g. the German
 * states DE-BW, DE-BY, DE-BE, DE-BB, DE-HB, DE-HH, DE-HE, DE-MV, DE-NI, DE-NW, DE-RP, DE-SL, DE-SN,
 * DE-ST, DE-SH, DE-TH; a country code alone (DE) gives the holidays of the whole country. Only
 * statutory public holidays count (not bank holidays or observances, nor those of single towns).
 */
@ProviderType
public interface HolidayCalendar {

    /** Every region (ISO 3166-2 subdivision) that has holidays here; may read every country's data, so prefer {@link #knows}. */
    Set<String> regions();

    /** Whether the region (or country) has holidays here; may be cheaper than {@code regions().contains(region)}. */
    default boolean knows(String region) {
        return regions().contains(region);
    }

    /** The holidays of a region in a year, by date; an unknown region is an IllegalArgumentException. */
    List<Holiday> holidays(String region, int year);

    boolean isHoliday(String region, LocalDate date);

    /** Monday to Friday from {@code from} to {@code to} inclusive, less the region's holidays. */
    default int workingDays(String region, LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5 && !isHoliday(region, day)) {
                days++;
            }
        }
        return days;
    }
}
