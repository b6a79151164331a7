package org.atrium.core.internal.mail.in;

/**
 * What became of one mail: recorded in inbound_mail and audited as {@code mail-<code>}.
 *
 * @param code       commented, created, ignored or rejected
 * @param ticketKey  the ticket commented on or opened, else null
 * @param actor      the login the work was done as, else null
 * @param department the ticket's or the address's department, else null
 * @param reason     why (for ignored and rejected) or what else happened (refused attachments)
 * @param refusal    for a rejected mail, the kind of refusal its sender is told of ({@link AutoAnswers}); else null
 */
public record Outcome(String code, String ticketKey, String actor, String department, String reason, Refusal refusal) {
    public static final String COMMENTED = "commented";
    public static final String CREATED = "created";
    public static final String IGNORED = "ignored";
    public static final String REJECTED = "rejected";

    /** Why a person's mail was refused; each kind has its own explanatory answer (templates {@code answer-<kind>}). */
    public enum Refusal {
        /** The directory does not know the sender (a reply, or a department mail under {@code unknownSenders = reject}). */
        UNKNOWN_SENDER("answer-unknown-sender"),
        /** The ticket reference is forged or damaged. */
        BAD_REFERENCE("answer-bad-reference"),
        /** The sender may not comment on the ticket (or it no longer exists). */
        NOT_ALLOWED("answer-not-allowed"),
        /** The ticket is closed and takes no more comments (its reference has run out). */
        CLOSED("answer-closed"),
        /** A mail to a department's address that cannot open its request type (form, audience, type gone). */
        CANNOT_OPEN("answer-cannot-open");

        private final String template;

        Refusal(String template) {
            this.template = template;
        }

        public String template() {
            return template;
        }
    }

    /** Any outcome but a rejection with an answer. */
    public Outcome(String code, String ticketKey, String actor, String department, String reason) {
        this(code, ticketKey, actor, department, reason, null);
    }

    static Outcome ignored(String reason) {
        return new Outcome(IGNORED, null, null, null, reason);
    }

    static Outcome rejected(Refusal refusal, String reason, String ticketKey, String actor, String department) {
        return new Outcome(REJECTED, ticketKey, actor, department, reason, refusal);
    }

    /** The audit action, e.g. {@code mail-commented}. */
    public String auditAction() {
        return "mail-" + code;
    }
}
