package org.atrium.core.internal.mail.in;

/**
 * What became of one mail: recorded in inbound_mail and audited as {@code mail-<code>}.
 *
 * @param code       commented, created, ignored or rejected
 * @param ticketKey  the ticket commented on or opened, else null
 * @param actor      the login the work was done as, else null
 * @param department the ticket's or the address's department, else null
 * @param reason     why (for ignored and rejected) or what else happened (refused attachments)
 */
public record Outcome(String code, String ticketKey, String actor, String department, String reason) {
    public static final String COMMENTED = "commented";
    public static final String CREATED = "created";
    public static final String IGNORED = "ignored";
    public static final String REJECTED = "rejected";

    static Outcome ignored(String reason) {
        return new Outcome(IGNORED, null, null, null, reason);
    }

    static Outcome rejected(String reason, String ticketKey, String department) {
        return new Outcome(REJECTED, ticketKey, null, department, reason);
    }

    /** The audit action, e.g. {@code mail-commented}. */
    public String auditAction() {
        return "mail-" + code;
    }
}
