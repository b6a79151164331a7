package org.atrium.api.sla;

import java.util.List;
import java.util.Map;

/**
 * A request type's service levels: the clocks its tickets run and the calendar they count in.
 *
 * @param calendar          the business calendar's name (see BusinessCalendars), e.g. {@code de-by}
 * @param calendarsByPriority another calendar for some priorities, e.g. {@code {"P1": "24x7"}}
 * @param warnPercent       the share of the target at which a clock warns (1 to 99; default 75)
 * @param clocks            the clocks
 */
public record SlaPolicy(String calendar, Map<String, String> calendarsByPriority, int warnPercent, List<ClockPolicy> clocks) {
    public static final int DEFAULT_WARN_PERCENT = 75;

    public SlaPolicy {
        calendarsByPriority = calendarsByPriority == null ? Map.of() : Map.copyOf(calendarsByPriority);
        warnPercent = warnPercent == 0 ? DEFAULT_WARN_PERCENT : warnPercent;
        clocks = List.copyOf(clocks);
    }

    /** The calendar a ticket of this priority counts in. */
    public String calendarFor(String priority) {
        return calendarsByPriority.getOrDefault(priority, calendar);
    }
}
