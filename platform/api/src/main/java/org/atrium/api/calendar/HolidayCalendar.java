package org.atrium.api.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Public holidays by region. Regions are ISO 3166-2 codes: the German states are DE-BW, DE-BY,
 * DE-BE, DE-BB, DE-HB, DE-HH, DE-HE, DE-MV, DE-NI, DE-NW, DE-RP, DE-SL, DE-SN, DE-ST, DE-SH, DE-TH.
 */
public interface HolidayCalendar {

    Set<String> regions();

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
