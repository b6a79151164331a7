package org.atrium.api.ticket;

/**
 * P1 (critical) to P4 (low), derived from impact and urgency so that agents never argue about it:
 * <pre>
 *                urgency high  medium  low
 * impact high         P1      P2      P3
 *        medium       P2      P3      P4
 *        low          P3      P4      P4
 * </pre>
 */
public enum Priority {
    P1, P2, P3, P4;

    public static Priority of(Level impact, Level urgency) {
        int score = impact.ordinal() + urgency.ordinal();
        return values()[Math.min(score, 3)];
    }

    /** 1 for P1 ... 4 for P4, the order agents work in. */
    public int rank() {
        return ordinal() + 1;
    }

    public static Priority ofRank(int rank) {
        return values()[rank - 1];
    }
}
