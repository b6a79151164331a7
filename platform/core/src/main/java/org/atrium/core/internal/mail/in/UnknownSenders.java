package org.atrium.core.internal.mail.in;

import java.util.Locale;

/** What a mail to a department's address from someone not in the directory does (unknownSenders). */
public enum UnknownSenders {
    /** No ticket; logged as a warning and audited as mail-rejected. */
    REJECT,
    /** No ticket; logged and audited as mail-ignored (spam-heavy mailboxes). */
    IGNORE,
    /** The ticket is opened as the configured guest user, with the sender's address in the description. */
    CREATE_AS_GUEST;

    static UnknownSenders parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "reject" -> REJECT;
            case "ignore" -> IGNORE;
            case "create-as-guest" -> CREATE_AS_GUEST;
            default -> throw new IllegalArgumentException("unknownSenders must be reject, ignore or create-as-guest, not " + value);
        };
    }
}
