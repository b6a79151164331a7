package org.atrium.core.internal.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.atrium.api.calendar.Holiday;
import org.atrium.api.calendar.HolidayCalendar;
import org.osgi.service.component.annotations.Component;

import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Public holidays from Jollyday, by country (DE) or ISO 3166-2 region (DE-BY), computed once per
 * region and year. Only public holidays count: Jollyday also knows bank holidays and observances,
 * and holidays of single towns (Augsburg's peace festival is region DE-BY's child "ag"), which
 * are not days off for a whole state.
 */
@Component(service = HolidayCalendar.class)
public class JollydayHolidayCalendar implements HolidayCalendar {
    private record RegionYear(String region, int year) {
    }

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<RegionYear, List<Holiday>> byRegionYear = new ConcurrentHashMap<>();
    private final Map<RegionYear, Set<LocalDate>> datesByRegionYear = new ConcurrentHashMap<>();
    private volatile Set<String> regions;

    @Override
    public Set<String> regions() {
        Set<String> known = regions;
        if (known == null) {
            // reads every country's data once (a second or so): only on the first call
            known = withJollydayClassLoader(() -> HolidayManager.getSupportedCalendarCodes().stream()
                    .filter(code -> code.length() == 2)
                    .flatMap(code -> manager(code.toLowerCase(Locale.ROOT)).getCalendarHierarchy().getChildren().keySet().stream()
                            .map(child -> code.toUpperCase(Locale.ROOT) + "-" + child.toUpperCase(Locale.ROOT)))
                    .collect(Collectors.toUnmodifiableSet()));
            regions = known;
        }
        return known;
    }

    /** Whether Jollyday has holidays for this country (DE) or region (DE-BY); reads only that country. */
    public boolean knows(String region) {
        RegionCode code = RegionCode.parse(region);
        if (code == null || !HolidayManager.getSupportedCalendarCodes().contains(code.country().toUpperCase(Locale.ROOT))) {
            return false;
        }
        return code.subdivision() == null
                || withJollydayClassLoader(() -> manager(code.country()).getCalendarHierarchy().getChildren().containsKey(code.subdivision()));
    }

    @Override
    public List<Holiday> holidays(String region, int year) {
        return byRegionYear.computeIfAbsent(new RegionYear(region, year), key -> load(key.region(), key.year()));
    }

    @Override
    public boolean isHoliday(String region, LocalDate date) {
        return dates(region, date.getYear()).contains(date);
    }

    /** The region's holiday dates of a year, as a set (what the business calendars look up). */
    public Set<LocalDate> dates(String region, int year) {
        return datesByRegionYear.computeIfAbsent(new RegionYear(region, year),
                key -> holidays(key.region(), key.year()).stream().map(Holiday::date).collect(Collectors.toUnmodifiableSet()));
    }

    private List<Holiday> load(String region, int year) {
        if (!knows(region)) {
            throw new IllegalArgumentException("No public holidays known for region " + region
                    + " (an ISO 3166-2 code such as DE-BY, or a country code such as DE)");
        }
        RegionCode code = RegionCode.parse(region);
        String[] path = code.subdivision() == null ? new String[0] : new String[] {code.subdivision()};
        Set<de.focus_shift.jollyday.core.Holiday> found = withJollydayClassLoader(
                () -> manager(code.country()).getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, path));
        // English is Jollyday's base bundle (Locale.ROOT): Locale.ENGLISH would fall back to the JVM's default language first.
        // A date can carry two holidays (e.g. Ascension Day on Labour Day): one entry per date
        Set<LocalDate> seen = new TreeSet<>();
        return found.stream().sorted(Comparator.comparing(de.focus_shift.jollyday.core.Holiday::getDate))
                .filter(holiday -> seen.add(holiday.getDate()))
                .map(holiday -> new Holiday(holiday.getDate(),
                        Map.of("de", holiday.getDescription(Locale.GERMAN), "en", holiday.getDescription(Locale.ROOT))))
                .toList();
    }

    private HolidayManager manager(String country) {
        return managers.computeIfAbsent(country, c -> HolidayManager.getInstance(ManagerParameters.create(c)));
    }

    /**
     * Jollyday finds its data files and its XML reader through the context class loader; in OSGi
     * that is whatever thread called us, so point it at Jollyday's own bundle meanwhile.
     */
    private static <T> T withJollydayClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HolidayManager.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
