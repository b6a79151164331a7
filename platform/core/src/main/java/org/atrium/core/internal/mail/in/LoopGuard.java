package org.atrium.core.internal.mail.in;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Mails that no person wrote: answering or filing them would start a loop between Atrium and an
 * auto-responder, a mailing list or a bouncing server (RFC 3834 and the headers mail programs use).
 */
public final class LoopGuard {
    private static final Set<String> AUTO_PRECEDENCE = Set.of("bulk", "auto_reply", "junk", "list");
    private static final Set<String> AUTO_REPLY_HEADERS = Set.of("X-Autoreply", "X-Autorespond", "X-Auto-Reply", "X-Mail-Autoreply");
    private static final Set<String> SYSTEM_SENDERS = Set.of("mailer-daemon", "postmaster", "noreply", "no-reply");

    private LoopGuard() {
    }

    /** Why the mail must be ignored, or empty for a mail a person wrote. */
    public static Optional<String> whyIgnored(MimeMessage mail, String senderAddress, Set<String> ownAddresses) throws MessagingException {
        String autoSubmitted = first(mail, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("auto-submitted: " + autoSubmitted.trim());
        }
        for (String header : AUTO_REPLY_HEADERS) {
            if (first(mail, header) != null) {
                return Optional.of("auto-reply header " + header);
            }
        }
        String precedence = first(mail, "Precedence");
        if (precedence != null && AUTO_PRECEDENCE.contains(precedence.trim().toLowerCase(Locale.ROOT))) {
            return Optional.of("precedence: " + precedence.trim());
        }
        String returnPath = first(mail, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return Optional.of("empty return path (a bounce)");
        }
        if (mail.isMimeType("multipart/report")) {
            return Optional.of("delivery or read report");
        }
        if (senderAddress == null) {
            return Optional.of("no sender address");
        }
        String sender = senderAddress.toLowerCase(Locale.ROOT);
        String local = sender.substring(0, Math.max(0, sender.indexOf('@')));
        if (SYSTEM_SENDERS.contains(local)) {
            return Optional.of("sent by " + local);
        }
        if (ownAddresses.contains(sender) || ownAddresses.contains(withoutTag(sender))) {
            return Optional.of("sent from Atrium's own address " + sender);
        }
        return Optional.empty();
    }

    /** {@code support+INC-1.abc@x} is {@code support@x} for the loop check. */
    static String withoutTag(String address) {
        int plus = address.indexOf('+');
        int at = address.lastIndexOf('@');
        return plus > 0 && plus < at ? address.substring(0, plus) + address.substring(at) : address;
    }

    private static String first(MimeMessage mail, String name) throws MessagingException {
        return mail.getHeader(name, null);
    }
}
