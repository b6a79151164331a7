package org.atrium.core.internal.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atrium.api.calendar.Holiday;

/**
 * The statutory public holidays of Germany and its states, as the state laws define them
 * (holidays of single towns or of parts of a state, such as Augsburg's peace festival, are left
 * out). Movable feasts follow Easter Sunday.
 */
final class GermanHolidays {
    static final Set<String> STATES = Set.of("DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV",
            "DE-NI", "DE-NW", "DE-RP", "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH");
    private static final Set<String> EPIPHANY = Set.of("DE-BW", "DE-BY", "DE-ST");
    private static final Set<String> CORPUS_CHRISTI = Set.of("DE-BW", "DE-BY", "DE-HE", "DE-NW", "DE-RP", "DE-SL");
    private static final Set<String> ALL_SAINTS = Set.of("DE-BW", "DE-BY", "DE-NW", "DE-RP", "DE-SL");
    private static final Set<String> REFORMATION = Set.of("DE-BB", "DE-MV", "DE-SN", "DE-ST", "DE-TH");
    /** States that made Reformation Day a holiday from 2018 on. */
    private static final Set<String> REFORMATION_SINCE_2018 = Set.of("DE-HB", "DE-HH", "DE-NI", "DE-SH");

    private GermanHolidays() {
    }

    static List<Holiday> of(String state, int year) {
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("Unknown German state " + state + "; known are " + STATES);
        }
        LocalDate easter = easterSunday(year);
        List<Holiday> days = new ArrayList<>();
        add(days, LocalDate.of(year, Month.JANUARY, 1), "Neujahr", "New Year's Day");
        add(days, easter.minusDays(2), "Karfreitag", "Good Friday");
        add(days, easter.plusDays(1), "Ostermontag", "Easter Monday");
        add(days, LocalDate.of(year, Month.MAY, 1), "Tag der Arbeit", "Labour Day");
        add(days, easter.plusDays(39), "Christi Himmelfahrt", "Ascension Day");
        add(days, easter.plusDays(50), "Pfingstmontag", "Whit Monday");
        add(days, LocalDate.of(year, Month.OCTOBER, 3), "Tag der Deutschen Einheit", "German Unity Day");
        add(days, LocalDate.of(year, Month.DECEMBER, 25), "1. Weihnachtstag", "Christmas Day");
        add(days, LocalDate.of(year, Month.DECEMBER, 26), "2. Weihnachtstag", "Boxing Day");
        if (EPIPHANY.contains(state)) {
            add(days, LocalDate.of(year, Month.JANUARY, 6), "Heilige Drei Könige", "Epiphany");
        }
        if ((state.equals("DE-BE") && year >= 2019) || (state.equals("DE-MV") && year >= 2023)) {
            add(days, LocalDate.of(year, Month.MARCH, 8), "Internationaler Frauentag", "International Women's Day");
        }
        if (state.equals("DE-BB")) {
            add(days, easter, "Ostersonntag", "Easter Sunday");
            add(days, easter.plusDays(49), "Pfingstsonntag", "Whit Sunday");
        }
        if (CORPUS_CHRISTI.contains(state)) {
            add(days, easter.plusDays(60), "Fronleichnam", "Corpus Christi");
        }
        if (state.equals("DE-SL")) {
            add(days, LocalDate.of(year, Month.AUGUST, 15), "Mariä Himmelfahrt", "Assumption Day");
        }
        if (state.equals("DE-TH") && year >= 2019) {
            add(days, LocalDate.of(year, Month.SEPTEMBER, 20), "Weltkindertag", "World Children's Day");
        }
        // 2017, the 500th anniversary, was a holiday everywhere
        if (REFORMATION.contains(state) || (REFORMATION_SINCE_2018.contains(state) && year >= 2018) || year == 2017) {
            add(days, LocalDate.of(year, Month.OCTOBER, 31), "Reformationstag", "Reformation Day");
        }
        if (ALL_SAINTS.contains(state)) {
            add(days, LocalDate.of(year, Month.NOVEMBER, 1), "Allerheiligen", "All Saints' Day");
        }
        if (state.equals("DE-SN")) {
            // the Wednesday before 23 November
            add(days, LocalDate.of(year, Month.NOVEMBER, 22).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY)),
                    "Buß- und Bettag", "Day of Prayer and Repentance");
        }
        days.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(days);
    }

    /** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static void add(List<Holiday> days, LocalDate date, String de, String en) {
        days.add(new Holiday(date, Map.of("de", de, "en", en)));
    }
}
