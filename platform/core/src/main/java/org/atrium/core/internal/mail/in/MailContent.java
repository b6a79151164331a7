package org.atrium.core.internal.mail.in;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * A mail's text and files: the plain text body (HTML reduced to text when there is no plain part)
 * and every part with a file name or an attachment disposition. Files are read up to one byte past
 * the attachment limit, so a huge file costs no more memory than that; the attachment rules refuse it.
 */
public record MailContent(String text, List<MailFile> files) {
    /** One attached file, read into memory (at most the limit plus one byte). */
    public record MailFile(String fileName, String contentType, byte[] bytes) {
    }

    public MailContent {
        files = List.copyOf(files);
    }

    public static MailContent of(Part mail, long maxFileBytes) throws MessagingException, IOException {
        Collector collector = new Collector(maxFileBytes);
        collector.walk(mail);
        String text = collector.plain != null ? collector.plain : collector.html != null ? htmlToText(collector.html) : "";
        return new MailContent(text, collector.files);
    }

    /** A crude but safe reduction of an HTML mail to its text: line breaks kept, tags and scripts dropped. */
    static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|tr|li|h[1-6]|blockquote)>", "\n")
                .replaceAll("(?s)<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        return text.replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private static final class Collector {
        private final long maxFileBytes;
        private final List<MailFile> files = new ArrayList<>();
        private String plain;
        private String html;

        Collector(long maxFileBytes) {
            this.maxFileBytes = maxFileBytes;
        }

        void walk(Part part) throws MessagingException, IOException {
            String fileName = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
            if (part.isMimeType("multipart/*") && !attachment) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child);
                }
            } else if (attachment) {
                files.add(new MailFile(fileName != null ? fileName : "attachment", baseType(part), read(part)));
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }

        private byte[] read(Part part) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            }
        }

        private static String fileName(Part part) throws MessagingException {
            String name = part.getFileName();
            if (name == null) {
                return null;
            }
            try {
                return MimeUtility.decodeText(name);
            } catch (java.io.UnsupportedEncodingException e) {
                return name;
            }
        }

        private static String baseType(Part part) throws MessagingException {
            try {
                return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            } catch (ParseException e) {
                return "application/octet-stream";
            }
        }
    }
}
