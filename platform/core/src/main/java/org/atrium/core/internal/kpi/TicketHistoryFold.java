package org.atrium.core.internal.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one ticket's history says for the KPIs, folded row by row (oldest first): when it was first
 * acknowledged, when it was last resolved, whether it was reopened or handed to another group. Status
 * rows carry state keys; {@code categories} says what each state means for the ticket's type.
 */
final class TicketHistoryFold {
    /** One history row as the KPIs read it. */
    record Row(Instant at, String actor, String action, String field, String before, String after) {
    }

    /** The state key's status category (open, in-progress, pending, resolved, closed). */
    interface Categories {
        String of(String state);
    }

    private Instant acknowledgedAt;
    private Instant lastResolvedAt;
    private boolean done;
    private boolean reopened;
    private boolean handedOver;

    static TicketHistoryFold of(String requester, List<Row> rows, Categories categories) {
        TicketHistoryFold fold = new TicketHistoryFold();
        for (Row row : rows) {
            fold.apply(requester, row, categories);
        }
        return fold;
    }

    private void apply(String requester, Row row, Categories categories) {
        if ("status".equals(row.field()) && row.after() != null) {
            String category = categories.of(row.after());
            boolean nowDone = isDone(category);
            if (nowDone && !done) {
                lastResolvedAt = row.at();
            } else if (!nowDone && done) {
                reopened = true;
            }
            done = nowDone;
            if (!"open".equals(category) && !"pending".equals(category)) {
                acknowledge(row.at()); // in progress, resolved or closed: someone took it up
            }
        } else if ("commented".equals(row.action()) && "public".equals(row.field()) && !Objects.equals(requester, row.actor())) {
            acknowledge(row.at()); // a public answer by someone other than the requester
        } else if ("updated".equals(row.action()) && "assignmentGroup".equals(row.field()) && row.before() != null
                && !Objects.equals(row.before(), row.after())) {
            handedOver = true;
        }
    }

    static boolean isDone(String category) {
        return "resolved".equals(category) || "closed".equals(category);
    }

    private void acknowledge(Instant at) {
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }

    Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    /** When it was last resolved, if it is resolved or closed now; null while it is open. */
    Instant resolvedAt() {
        return done ? lastResolvedAt : null;
    }

    boolean reopened() {
        return reopened;
    }

    boolean handedOver() {
        return handedOver;
    }

    /** Resolved for good without a reopen and without a hand-over between groups. */
    boolean firstTimeFix() {
        return done && !reopened && !handedOver;
    }

    static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).getSeconds();
    }
}
