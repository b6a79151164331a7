package org.atrium.core.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.atrium.api.calendar.BusinessCalendar;
import org.atrium.api.sla.ClockPolicy;
import org.atrium.api.sla.SlaClock;
import org.atrium.api.sla.SlaSegment;

/**
 * One clock of one ticket, folded from the ticket's history: every figure follows from the history
 * rows, the policy and the calendar, so it can be recomputed at any time (a changed target or
 * calendar applies to the whole life of an open clock, and no pause is lost).
 * <p>
 * After each row the clock's conditions are read on the ticket as it then stood: a waiting clock
 * starts (on creation, or when its start condition holds); a running or paused clock is cancelled,
 * stopped, paused or resumed; a stopped clock runs again when its stop condition no longer holds (a
 * reopened ticket keeps the time it had counted), except a first response, which is answered once.
 * Between two rows a running clock counts business time on the calendar.
 */
public final class ClockComputation {
    private enum Phase { WAITING, RUNNING, PAUSED, STOPPED, CANCELLED }

    private ClockComputation() {
    }

    /**
     * @param moments     the ticket after each history row, oldest first (the first is its creation)
     * @param target      the business time the clock may take
     * @param warnPercent the share of the target at which it warns
     * @param now         the end of the computation: a running clock counts until then
     */
    public static SlaClock compute(ClockPolicy policy, List<TicketMoment> moments, BusinessCalendar calendar, Duration target,
            String priority, int warnPercent, Instant now) {
        Counter counter = new Counter(calendar, target, target.multipliedBy(warnPercent).dividedBy(100));
        Phase phase = Phase.WAITING;
        Instant since = null;
        Instant stoppedAt = null;
        boolean resetHeld = false;
        List<SlaSegment> segments = new ArrayList<>();
        SegmentStart open = null;
        for (int i = 0; i < moments.size(); i++) {
            TicketMoment moment = moments.get(i);
            if (phase == Phase.RUNNING) {
                counter.count(since, moment.at());
            }
            since = moment.at();
            Phase before = phase;
            boolean resetHolds = moment.holds(policy.resetWhen());
            if (resetHolds && !resetHeld && phase != Phase.WAITING && phase != Phase.CANCELLED) {
                counter.reset();
            }
            resetHeld = resetHolds;
            phase = next(policy, phase, moment, i == 0);
            if ((phase == Phase.STOPPED || phase == Phase.CANCELLED) && phase != before) {
                stoppedAt = moment.at();
            } else if (phase == Phase.RUNNING || phase == Phase.PAUSED) {
                stoppedAt = null;
            }
            if (phase != before) {
                open = closeAndOpen(segments, open, calendar, phase, moment);
            }
        }
        Instant dueAt = null;
        Instant warnAt = null;
        if (phase == Phase.RUNNING) {
            // when it breaches (or breached) and warns if it keeps running from the last row on
            dueAt = counter.breachedAt != null ? counter.breachedAt : calendar.plus(since, counter.target.minus(counter.elapsed));
            // a warning already crossed keeps its instant: a queue still colours the clock amber after it
            warnAt = counter.warnedAt != null ? counter.warnedAt : calendar.plus(since, counter.warnAfter.minus(counter.elapsed));
            counter.count(since, now);
        }
        if (open != null) {
            segments.add(open.closedAt(null, calendar, phase == Phase.RUNNING ? now : null));
        }
        Duration remaining = target.minus(counter.elapsed);
        return new SlaClock(policy.key(), policy.names(), policy.kind(), stateOf(phase, remaining), priority, target, calendar.name(),
                counter.elapsed, remaining, dueAt, warnAt, stoppedAt, segments);
    }

    /** Business time counted so far, and when it crossed the warning share and the target. */
    private static final class Counter {
        private final BusinessCalendar calendar;
        private final Duration target;
        private final Duration warnAfter;
        private Duration elapsed = Duration.ZERO;
        private Instant warnedAt;
        private Instant breachedAt;

        Counter(BusinessCalendar calendar, Duration target, Duration warnAfter) {
            this.calendar = calendar;
            this.target = target;
            this.warnAfter = warnAfter;
        }

        void count(Instant from, Instant to) {
            if (from == null || !to.isAfter(from)) {
                return;
            }
            Duration counted = calendar.between(from, to);
            Duration after = elapsed.plus(counted);
            if (warnedAt == null && elapsed.compareTo(warnAfter) < 0 && after.compareTo(warnAfter) >= 0) {
                warnedAt = calendar.plus(from, warnAfter.minus(elapsed));
            }
            if (breachedAt == null && elapsed.compareTo(target) < 0 && after.compareTo(target) >= 0) {
                breachedAt = calendar.plus(from, target.minus(elapsed));
            }
            elapsed = after;
        }

        void reset() {
            elapsed = Duration.ZERO;
            warnedAt = null;
            breachedAt = null;
        }
    }

    private static Phase next(ClockPolicy policy, Phase phase, TicketMoment moment, boolean creation) {
        if (phase == Phase.CANCELLED) {
            return phase;
        }
        if (phase != Phase.WAITING && cancels(policy, moment)) {
            return Phase.CANCELLED;
        }
        boolean startHolds = policy.startsOnCreation() ? phase != Phase.WAITING || creation : moment.holds(policy.startWhen());
        switch (phase) {
            case WAITING:
                if (!startHolds) {
                    return Phase.WAITING;
                }
                return runningOrPaused(policy, moment);
            case STOPPED:
                boolean answeredOnce = ClockPolicy.FIRST_RESPONSE.equals(policy.key());
                if (answeredOnce || moment.holds(policy.stopWhen()) || !startHolds) {
                    return Phase.STOPPED;
                }
                return runningOrPaused(policy, moment);
            default:
                return runningOrPaused(policy, moment);
        }
    }

    private static Phase runningOrPaused(ClockPolicy policy, TicketMoment moment) {
        if (moment.holds(policy.stopWhen())) {
            return Phase.STOPPED;
        }
        return moment.holds(policy.pauseWhen()) ? Phase.PAUSED : Phase.RUNNING;
    }

    /** The policy's cancel condition; without one, closing a ticket that was never resolved (withdrawn) cancels. */
    private static boolean cancels(ClockPolicy policy, TicketMoment moment) {
        if (policy.cancelWhen().isNever()) {
            return "closed".equals(moment.category()) && !moment.everResolved();
        }
        return moment.holds(policy.cancelWhen());
    }

    /** A running clock breaches at 100 % of its target; a clock stopped exactly on its target met it. */
    private static String stateOf(Phase phase, Duration remaining) {
        boolean used = remaining.isNegative() || remaining.isZero();
        return switch (phase) {
            case WAITING -> SlaClock.WAITING;
            case RUNNING -> used ? SlaClock.BREACHED : SlaClock.RUNNING;
            case PAUSED -> used ? SlaClock.BREACHED : SlaClock.PAUSED;
            case STOPPED -> remaining.isNegative() ? SlaClock.BREACHED : SlaClock.MET;
            case CANCELLED -> SlaClock.CANCELLED;
        };
    }

    private static String segmentState(Phase phase) {
        return phase == Phase.RUNNING ? SlaClock.RUNNING : phase == Phase.PAUSED ? SlaClock.PAUSED : null;
    }

    /** Ends the open segment at this moment and opens the next one if the clock still runs or pauses. */
    private static SegmentStart closeAndOpen(List<SlaSegment> segments, SegmentStart open, BusinessCalendar calendar, Phase phase,
            TicketMoment moment) {
        if (open != null) {
            segments.add(open.closedAt(moment.at(), calendar, null));
        }
        String state = segmentState(phase);
        return state == null ? null : new SegmentStart(moment.at(), state, moment.historyId(), moment.cause());
    }

    private record SegmentStart(Instant from, String state, long historyId, String cause) {
        /** @param countUntil for the last, still open segment of a running clock: count until now */
        SlaSegment closedAt(Instant to, BusinessCalendar calendar, Instant countUntil) {
            Instant end = to != null ? to : countUntil;
            Duration counted = SlaClock.RUNNING.equals(state) && end != null && end.isAfter(from) ? calendar.between(from, end) : Duration.ZERO;
            return new SlaSegment(from, to, state, counted, historyId, cause);
        }
    }
}
