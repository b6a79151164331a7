package org.atrium.core.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.sla.ClockCondition;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.SlaClock;
import org.atrium.api.catalog.Condition;
import org.atrium.core.internal.calendar.CalendarConfiguration;
import org.atrium.core.internal.calendar.JollydayHolidayCalendar;
import org.junit.jupiter.api.Test;

/** Clocks folded from a ticket's history, on the Bavarian office calendar (Mon-Fri 08:00-17:00 Europe/Berlin). */
class ClockComputationTest {
    static final BusinessCalendar DE_BY = new CalendarConfiguration(new JollydayHolidayCalendar(), Map.of("name", "de-by",
            "zone", "Europe/Berlin", "monday", "08:00-17:00", "tuesday", "08:00-17:00", "wednesday", "08:00-17:00",
            "thursday", "08:00-17:00", "friday", "08:00-17:00", "country", "DE", "region", "DE-BY")).calendar();
    static final ClockPolicy RESOLUTION = new ClockPolicy("resolution", Map.of("en", "Resolution"), "sla", Map.of("P3", Duration.ofHours(8)),
            null, null, null, null, null, null, null);
    static final ClockPolicy FIRST_RESPONSE = new ClockPolicy("first-response", Map.of("en", "First response"), "sla",
            Map.of("P3", Duration.ofHours(2)), null, null, null, null, null, null, null);

    /** A history being written: each row is the ticket as it then stood. */
    private static final class History {
        private final List<TicketMoment> moments = new ArrayList<>();
        private String category = "open";
        private String state = "new";
        private Map<String, Object> fields = Map.of();
        private boolean commented;
        private boolean resolved;

        History at(String when, String cause) {
            moments.add(new TicketMoment(moments.size() + 1, Instant.parse(when), cause, state, category, fields, "P3", commented, resolved));
            return this;
        }

        History move(String when, String newState, String newCategory) {
            state = newState;
            category = newCategory;
            resolved |= "resolved".equals(newCategory);
            return at(when, "status -> " + newState);
        }

        History agentComment(String when) {
            commented = true;
            return at(when, "public comment by an agent");
        }

        History field(String when, Map<String, Object> values) {
            fields = values;
            return at(when, "fields");
        }
    }

    private static SlaClock compute(ClockPolicy policy, History history, String now) {
        return ClockComputation.compute(policy, history.moments, DE_BY, policy.targets().get("P3"), "P3", 75, Instant.parse(now));
    }

    @Test
    void aRunningClockCountsOfficeHoursOnlyAndIsDueAcrossTheWeekend() {
        // created Friday 2026-03-06 15:00 CET (14:00Z): 2 h on Friday, 6 h on Monday -> due Monday 14:00 CET
        History history = new History().at("2026-03-06T14:00:00Z", "created");
        SlaClock clock = compute(RESOLUTION, history, "2026-03-07T12:00:00Z");
        assertEquals(SlaClock.RUNNING, clock.state());
        assertEquals(Duration.ofHours(2), clock.elapsed());
        assertEquals(Duration.ofHours(6), clock.remaining());
        assertEquals(Instant.parse("2026-03-09T13:00:00Z"), clock.dueAt());
        assertEquals(Instant.parse("2026-03-09T11:00:00Z"), clock.warnAt(), "75 % of 8 h = 6 h: Monday 12:00 CET");
    }

    @Test
    void aPendingStatePausesAndNoPauseTimeCounts() {
        History history = new History().at("2026-03-09T07:00:00Z", "created") // Mon 08:00 CET
                .move("2026-03-09T09:00:00Z", "waiting-for-requester", "pending") // 2 h counted
                .move("2026-03-11T09:00:00Z", "in-progress", "in-progress"); // two days paused
        SlaClock clock = compute(RESOLUTION, history, "2026-03-11T10:00:00Z");
        assertEquals(Duration.ofHours(3), clock.elapsed());
        assertEquals(List.of("running", "paused", "running"), clock.segments().stream().map(s -> s.state()).toList());
        assertEquals(Duration.ZERO, clock.segments().get(1).businessTime());
        assertEquals(2, clock.segments().get(1).historyId(), "the pause is explained by the row that caused it");
        assertEquals(Instant.parse("2026-03-11T15:00:00Z"), clock.dueAt(), "6 h left from Wednesday 10:00 CET");
    }

    @Test
    void resolvingStopsItMetOrBreachedAndReopeningRunsItOnWithItsTime() {
        History history = new History().at("2026-03-09T07:00:00Z", "created")
                .move("2026-03-09T11:00:00Z", "resolved", "resolved");
        SlaClock met = compute(RESOLUTION, history, "2026-03-20T10:00:00Z");
        assertEquals(SlaClock.MET, met.state());
        assertEquals(Duration.ofHours(4), met.elapsed());
        assertNull(met.dueAt());
        history.move("2026-03-10T07:00:00Z", "in-progress", "in-progress");
        SlaClock reopened = compute(RESOLUTION, history, "2026-03-10T12:00:00Z");
        assertEquals(SlaClock.BREACHED, reopened.state(), "4 h before, 5 h since the reopening");
        assertEquals(Duration.ofHours(9), reopened.elapsed());
        assertEquals(Instant.parse("2026-03-10T11:00:00Z"), reopened.dueAt(), "when it crossed the target");
    }

    @Test
    void theFirstResponseStopsAtAPublicAgentCommentOnce() {
        History history = new History().at("2026-03-09T07:00:00Z", "created").agentComment("2026-03-09T07:30:00Z")
                .move("2026-03-09T08:00:00Z", "resolved", "resolved").move("2026-03-10T08:00:00Z", "in-progress", "in-progress");
        SlaClock clock = compute(FIRST_RESPONSE, history, "2026-03-12T08:00:00Z");
        assertEquals(SlaClock.MET, clock.state());
        assertEquals(Duration.ofMinutes(30), clock.elapsed());
    }

    @Test
    void aWithdrawnRequestCancelsItsClocks() {
        History history = new History().at("2026-03-09T07:00:00Z", "created").move("2026-03-09T08:00:00Z", "closed", "closed");
        assertEquals(SlaClock.CANCELLED, compute(RESOLUTION, history, "2026-03-12T08:00:00Z").state());
    }

    @Test
    void aFieldPausesTheClockWhileWaitingForTheSupplier() {
        ClockPolicy supplier = new ClockPolicy("resolution", Map.of("en", "Resolution"), "sla", Map.of("P3", Duration.ofHours(8)), null,
                new ClockCondition(List.of("pending"), List.of(), new Condition("waitingForSupplier", List.of("true")), false),
                null, null, null, null, null);
        History history = new History().at("2026-03-09T07:00:00Z", "created")
                .field("2026-03-09T08:00:00Z", Map.of("waitingForSupplier", true))
                .field("2026-03-10T08:00:00Z", Map.of("waitingForSupplier", false));
        SlaClock clock = compute(supplier, history, "2026-03-10T09:00:00Z");
        assertEquals(Duration.ofHours(2), clock.elapsed());
    }

    @Test
    void aTargetCountedOverAHolidayOnlyTheStateHas() {
        // Epiphany 2026-01-06 (Tuesday) is a holiday in Bavaria: created Monday 16:00 CET, 8 h -> due Wednesday 15:00 CET
        History history = new History().at("2026-01-05T15:00:00Z", "created");
        assertEquals(Instant.parse("2026-01-07T14:00:00Z"), compute(RESOLUTION, history, "2026-01-05T15:00:00Z").dueAt());
    }

    @Test
    void aClockWithAStartConditionWaitsUntilItHolds() {
        ClockPolicy approval = new ClockPolicy("time-to-approval", Map.of("en", "Approval"), "sla", Map.of("P3", Duration.ofHours(4)),
                new ClockCondition(List.of(), List.of("awaiting-approval"), null, false), ClockCondition.NEVER,
                new ClockCondition(List.of(), List.of("approved", "closed"), null, false), null, null, null, null);
        History history = new History().at("2026-03-09T07:00:00Z", "created");
        assertEquals(SlaClock.WAITING, compute(approval, history, "2026-03-09T09:00:00Z").state());
        history.move("2026-03-09T09:00:00Z", "awaiting-approval", "pending").move("2026-03-09T10:00:00Z", "approved", "in-progress");
        SlaClock clock = compute(approval, history, "2026-03-09T12:00:00Z");
        assertEquals(SlaClock.MET, clock.state());
        assertEquals(Duration.ofHours(1), clock.elapsed());
    }
}
