package org.atrium.core.internal.kpi;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.kpi.KpiQuery;

/**
 * The days a report covers and how they are cut into periods (day, week from Monday, month), in a
 * time zone: Europe/Berlin unless the query names another. Refuses bad values naming each field.
 */
record KpiRange(LocalDate from, LocalDate to, String period, ZoneId zone) {
    static final String DEFAULT_ZONE = "Europe/Berlin";
    static final int MAX_PERIODS = 400;
    static final List<String> PERIODS = List.of("day", "week", "month");

    static KpiRange of(KpiQuery query, LocalDate today, List<FieldError> errors) {
        String period = query.period() == null ? "month" : query.period().toLowerCase(Locale.ROOT);
        if (!PERIODS.contains(period)) {
            errors.add(new FieldError("period", "must be one of day, week, month"));
            period = "month";
        }
        ZoneId zone = ZoneId.of(DEFAULT_ZONE);
        if (query.zone() != null) {
            try {
                zone = ZoneId.of(query.zone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("zone", "is not a time zone (e.g. Europe/Berlin)"));
            }
        }
        LocalDate to = query.to() != null ? query.to() : today;
        // default: the month of `to` and the two before it
        LocalDate from = query.from() != null ? query.from() : to.withDayOfMonth(1).minusMonths(2);
        if (to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        } else {
            KpiRange range = new KpiRange(from, to, period, zone);
            long periods = range.periodCount();
            if (periods > MAX_PERIODS) {
                errors.add(new FieldError("from", "the range holds " + periods + " " + period + "s; at most " + MAX_PERIODS
                        + " periods per report"));
            }
        }
        return new KpiRange(from, to, period, zone);
    }

    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** Exclusive: the start of the day after {@code to}. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    boolean contains(Instant at) {
        return at != null && !at.isBefore(start()) && at.isBefore(end());
    }

    /** The first day of the period holding the instant. */
    LocalDate periodOf(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (period) {
            case "day" -> day;
            case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> day.withDayOfMonth(1);
        };
    }

    long periodCount() {
        LocalDate first = periodOf(start());
        return switch (period) {
            case "day" -> ChronoUnit.DAYS.between(first, to) + 1;
            case "week" -> ChronoUnit.WEEKS.between(first, to) + 1;
            default -> ChronoUnit.MONTHS.between(first, to.withDayOfMonth(1)) + 1;
        };
    }

    List<LocalDate> periods() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate day = periodOf(start()); !day.isAfter(to); day = switch (period) {
            case "day" -> day.plusDays(1);
            case "week" -> day.plusWeeks(1);
            default -> day.plusMonths(1);
        }) {
            starts.add(day);
        }
        return starts;
    }
}
