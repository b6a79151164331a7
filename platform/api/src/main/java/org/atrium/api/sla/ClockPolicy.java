package org.atrium.api.sla;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One clock of a type's policy, e.g. first response or resolution.
 *
 * @param key        unique within the policy, e.g. {@code first-response}, {@code resolution}, {@code time-to-approval}
 * @param names      display name per language tag
 * @param kind       {@code sla} (towards the requester) or {@code ola} (between teams, e.g. onboarding's child tasks)
 * @param targets    business time per priority ({@code P1} .. {@code P4}); a priority without target has no clock
 * @param startWhen  the clock starts (and, once stopped, runs again) while this holds; default: from creation on
 * @param pauseWhen  the running clock pauses while this holds; default: pending states
 * @param stopWhen   the clock stops (met or breached) once this holds, and runs again when it no longer
 *                   holds (a reopened ticket); defaults per key: first-response stops at the first public
 *                   agent comment or in-progress, resolved or closed; other clocks at resolved or closed
 * @param cancelWhen the clock is cancelled (counts neither as met nor breached) when this holds; default:
 *                   closed without ever being resolved (a withdrawn request)
 * @param resetWhen  the elapsed time goes back to zero when this starts to hold; default: never
 * @param onWarning  escalations at the warning share of the target
 * @param onBreach   escalations at the breach
 */
public record ClockPolicy(String key, Map<String, String> names, String kind, Map<String, Duration> targets, ClockCondition startWhen,
        ClockCondition pauseWhen, ClockCondition stopWhen, ClockCondition cancelWhen, ClockCondition resetWhen,
        List<Escalation> onWarning, List<Escalation> onBreach) {
    public static final String FIRST_RESPONSE = "first-response";
    public static final String RESOLUTION = "resolution";
    public static final String SLA = "sla";
    public static final String OLA = "ola";

    public ClockPolicy {
        names = Map.copyOf(names);
        kind = kind == null ? SLA : kind;
        targets = Map.copyOf(targets);
        startWhen = startWhen == null ? ClockCondition.NEVER : startWhen;
        pauseWhen = pauseWhen == null ? ClockCondition.categories("pending") : pauseWhen;
        stopWhen = stopWhen == null ? defaultStop(key) : stopWhen;
        cancelWhen = cancelWhen == null ? ClockCondition.NEVER : cancelWhen;
        resetWhen = resetWhen == null ? ClockCondition.NEVER : resetWhen;
        onWarning = onWarning == null ? List.of() : List.copyOf(onWarning);
        onBreach = onBreach == null ? List.of() : List.copyOf(onBreach);
    }

    /** First response ends with a public agent comment or when work starts; anything else at resolve. */
    public static ClockCondition defaultStop(String key) {
        return FIRST_RESPONSE.equals(key)
                ? new ClockCondition(List.of("in-progress", "resolved", "closed"), List.of(), null, true)
                : ClockCondition.categories("resolved", "closed");
    }

    /** Whether the clock starts from creation: no start condition was given. */
    public boolean startsOnCreation() {
        return startWhen.isNever();
    }
}
