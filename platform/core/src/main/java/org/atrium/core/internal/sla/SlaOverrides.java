package org.atrium.core.internal.sla;

import java.time.Duration;
import java.util.Map;

/**
 * What one department's configuration changes in its types' policies: for every type of the
 * department (calendar, calendars per priority, warning share) and per type key (the same, plus
 * targets per clock and priority). Null or empty where it changes nothing.
 */
record SlaOverrides(String department, Level departmentWide, Map<String, Level> byType) {
    SlaOverrides {
        byType = Map.copyOf(byType);
    }

    /** One level of overrides: for the whole department or for one type. */
    record Level(String calendar, Map<String, String> calendarsByPriority, Integer warnPercent, Map<String, Map<String, Duration>> targets) {
        static final Level NONE = new Level(null, Map.of(), null, Map.of());

        Level {
            calendarsByPriority = Map.copyOf(calendarsByPriority);
            targets = Map.copyOf(targets);
        }
    }
}
