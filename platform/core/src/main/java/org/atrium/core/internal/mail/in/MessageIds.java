package org.atrium.core.internal.mail.in;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A mail's Message-ID; one without (rare, but allowed) is named by a digest of its headers and body. */
final class MessageIds {
    private MessageIds() {
    }

    static String of(MimeMessage mail) throws MessagingException {
        String id = mail.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.trim();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                mail.writeTo(out);
            }
            return "<no-message-id." + HexFormat.of().formatHex(digest.digest()) + "@atrium>";
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new MessagingException("cannot name a mail without Message-ID", e);
        }
    }
}
