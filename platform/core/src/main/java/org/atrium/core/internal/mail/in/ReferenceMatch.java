package org.atrium.core.internal.mail.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.atrium.core.internal.mail.MailReference;

/**
 * The ticket a mail answers, by the signed reference only: the token in a recipient address
 * ({@code support+INC-42.<sig>@...}) or a signed Message-ID in In-Reply-To or References. A mail that
 * names a reference whose signature is wrong is {@link Kind#FORGED}: it is refused, never matched by
 * its subject or sent on to a department's address instead.
 */
public record ReferenceMatch(Kind kind, String ticketKey) {
    public enum Kind { NONE, VALID, FORGED }

    /** A recipient's tag that has the shape of a token (key, dot, signature), whatever its signature. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z][A-Za-z0-9]*-[0-9]+\\.[0-9A-Za-z]+");
    /** Headers a reply's recipient addresses can be read from (the last two are set by the receiving server). */
    static final List<String> RECIPIENT_HEADERS = List.of("To", "Cc", "Delivered-To", "X-Original-To");
    static final ReferenceMatch NONE = new ReferenceMatch(Kind.NONE, null);

    public static ReferenceMatch of(MimeMessage mail, MailReference reference) throws MessagingException {
        boolean forged = false;
        for (String address : recipients(mail)) {
            String tag = tagOf(address);
            if (tag == null || !TOKEN_SHAPE.matcher(tag).matches()) {
                continue;
            }
            Optional<String> key = reference.ticketKeyOf(tag);
            if (key.isPresent()) {
                return new ReferenceMatch(Kind.VALID, key.get());
            }
            forged = true;
        }
        for (String header : List.of("In-Reply-To", "References")) {
            String value = mail.getHeader(header, " ");
            Optional<String> key = reference.ticketKeyOfMessageIds(value);
            if (key.isPresent()) {
                return new ReferenceMatch(Kind.VALID, key.get());
            }
            forged |= value != null && value.toLowerCase(Locale.ROOT).contains("<atrium.");
        }
        return forged ? new ReferenceMatch(Kind.FORGED, null) : NONE;
    }

    /** Every recipient address of the mail, lower case, in header order. */
    static List<String> recipients(MimeMessage mail) throws MessagingException {
        List<String> addresses = new ArrayList<>();
        for (String header : RECIPIENT_HEADERS) {
            String[] values = mail.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        if (address.getAddress() != null) {
                            addresses.add(address.getAddress().toLowerCase(Locale.ROOT));
                        }
                    }
                } catch (AddressException unreadable) {
                    // a malformed recipient header names no reference
                }
            }
        }
        return addresses;
    }

    private static String tagOf(String address) {
        int plus = address.indexOf('+');
        int at = address.lastIndexOf('@');
        return plus >= 0 && at > plus ? address.substring(plus + 1, at) : null;
    }
}
