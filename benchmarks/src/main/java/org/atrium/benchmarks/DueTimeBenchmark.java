package org.atrium.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.core.internal.calendar.CalendarConfiguration;
import org.atrium.core.internal.calendar.JollydayHolidayCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Business-hours due times as the SLA engine asks for them: the shipped Munich calendar (Mon-Fri
 * 08:00-17:00 Europe/Berlin, Bavarian holidays, closing days 24 and 31 December), built through
 * its configuration as Karaf builds it. Starts are 4,096 random instants over 2026 and 2027 (in
 * and out of hours, on holidays, across both clock changes), taken in turn so that nothing is
 * constant-folded; the holiday years are cached after the first call, as in a running server.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DueTimeBenchmark {
    private static final int STARTS = 4096;
    private final Instant[] starts = new Instant[STARTS];
    private BusinessCalendar munich;
    private BusinessCalendar splitShifts;
    private int next;

    @Setup
    public void setUp() {
        JollydayHolidayCalendar holidays = new JollydayHolidayCalendar();
        munich = new CalendarConfiguration(holidays, office("de-by", "08:00-17:00")).calendar();
        splitShifts = new CalendarConfiguration(holidays, office("split", "08:00-12:00, 13:00-17:00")).calendar();
        Random random = new Random(42);
        long from = LocalDateTime.parse("2026-01-01T00:00").atZone(ZoneId.of("Europe/Berlin")).toEpochSecond();
        for (int i = 0; i < STARTS; i++) {
            starts[i] = Instant.ofEpochSecond(from + (long) (random.nextDouble() * 2 * 365 * 86_400));
        }
        // warm the holiday years the starts reach, as a running server has them
        for (Instant start : starts) {
            munich.plus(start, Duration.ofDays(30));
            splitShifts.plus(start, Duration.ofDays(30));
        }
    }

    private static Map<String, Object> office(String name, String hours) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", name);
        properties.put("zone", "Europe/Berlin");
        for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            properties.put(day, hours);
        }
        properties.put("country", "DE");
        properties.put("region", "DE-BY");
        properties.put("closingDays", "12-24, 12-31");
        return properties;
    }

    private Instant nextStart() {
        next = (next + 1) & (STARTS - 1);
        return starts[next];
    }

    /** A P2 resolution target: 4 business hours. */
    @Benchmark
    public Instant dueIn4Hours() {
        return munich.plus(nextStart(), Duration.ofHours(4));
    }

    /** A P4 target: 5 business days of 9 hours. */
    @Benchmark
    public Instant dueIn5Days() {
        return munich.plus(nextStart(), Duration.ofHours(45));
    }

    /** A first response in 8 hours with a lunch break. */
    @Benchmark
    public Instant dueIn8HoursSplitShift() {
        return splitShifts.plus(nextStart(), Duration.ofHours(8));
    }

    /** What the clock has used over a week: the other question the SLA engine asks. */
    @Benchmark
    public Duration betweenAWeek() {
        Instant start = nextStart();
        return munich.between(start, start.plus(Duration.ofDays(7)));
    }
}
