package org.atrium.api.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Business hours: working hours per weekday (split shifts allowed) in a time zone, less public
 * holidays and company closing days. Business time is real elapsed time inside working intervals,
 * so a shift that spans a daylight-saving change counts the hours the clock really ran.
 * Everything is on {@link Instant}s; the calendar's zone decides which local day and hour an
 * instant falls on. Instances are immutable and thread-safe. Years 1900 to 2399 are supported;
 * an instant outside them is an IllegalArgumentException.
 */
@ProviderType
public interface BusinessCalendar {

    /** The name it is configured and looked up by, e.g. {@code de-by} or {@code 24x7}. */
    String name();

    ZoneId zone();

    /**
     * The instant at which {@code businessTime} of working time has passed from {@code start} on:
     * the SLA due time. Zero gives {@code start}; an amount that ends exactly at the end of a
     * working interval gives that end (not the start of the next one). Negative is an
     * IllegalArgumentException.
     */
    Instant plus(Instant start, Duration businessTime);

    /**
     * The working time between two instants; negative when {@code to} is before {@code from}.
     * {@code between(a, plus(a, d))} is {@code d}.
     */
    Duration between(Instant from, Instant to);

    /**
     * The working intervals that lie between two instants, clipped to them, in order; adjacent
     * ones (such as 24x7 across midnight) are joined. Their durations add up to {@link #between}.
     * Empty when {@code to} is not after {@code from}.
     */
    List<WorkingInterval> workingIntervals(Instant from, Instant to);

    /** Whether the instant lies inside a working interval (start inclusive, end exclusive). */
    boolean isWorkingTime(Instant instant);
}
