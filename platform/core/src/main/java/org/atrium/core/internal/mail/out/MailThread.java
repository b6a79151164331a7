package org.atrium.core.internal.mail.out;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * The headers that thread a mail under the one it answers (RFC 5322 3.6.4): {@code In-Reply-To} names
 * that mail's Message-ID, {@code References} its References followed by its Message-ID. Both come from
 * headers a stranger wrote, so only well-formed message ids pass: printable ASCII without spaces, CR,
 * LF or other control characters, so that no value can add a header of its own. A Message-ID that is
 * not one threads nothing; a References value that is not clean is left out.
 */
public record MailThread(String inReplyTo, String references) {
    public static final MailThread NONE = new MailThread(null, null);
    /** Longest id taken over (the database's in_reply_to holds 1000; RFC 5322 lines end at 998). */
    static final int MAX_ID = 500;
    /** Longest References written (the column holds 4000); longer chains lose their middle, as RFC 5322 allows. */
    static final int MAX_REFERENCES = 2000;
    private static final String ID_PART = "[!-~&&[^<>@\"\\\\]]{1,250}";
    private static final Pattern MESSAGE_ID = Pattern.compile("<" + ID_PART + "@" + ID_PART + ">");

    /**
     * The thread of an answer to a mail with these raw header values (as parsed: folded lines are
     * unfolded here); {@link #NONE} when the Message-ID is missing or not a well-formed id.
     */
    public static MailThread answering(String messageId, String references) {
        String id = messageId == null ? null : MimeUtility.unfold(messageId).strip();
        if (id == null || !isMessageId(id)) {
            return NONE;
        }
        LinkedHashSet<String> chain = new LinkedHashSet<>(earlierIds(references));
        chain.remove(id);
        chain.add(id);
        List<String> ids = new ArrayList<>(chain);
        while (ids.size() > 2 && String.join(" ", ids).length() > MAX_REFERENCES) {
            ids.remove(1); // keep the first (the thread's start) and the latest
        }
        return new MailThread(id, String.join(" ", ids));
    }

    /** True for one well-formed message id and nothing else (no spaces, no line breaks). */
    public static boolean isMessageId(String value) {
        return value != null && value.length() <= MAX_ID && MESSAGE_ID.matcher(value).matches();
    }

    /** The ids of a References value; none when, unfolded, it still holds a line break or a control character. */
    private static List<String> earlierIds(String references) {
        List<String> ids = new ArrayList<>();
        if (references == null) {
            return ids;
        }
        String unfolded = MimeUtility.unfold(references);
        if (unfolded.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            return ids;
        }
        Matcher matcher = MESSAGE_ID.matcher(unfolded);
        while (matcher.find()) {
            if (matcher.group().length() <= MAX_ID) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }
}
