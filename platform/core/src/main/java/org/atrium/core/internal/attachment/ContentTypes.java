package org.atrium.core.internal.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import org.atrium.api.attachment.AttachmentTypeRefusedException;

/**
 * Which files are accepted: the claimed media type must be on the installation's list, and the
 * file's first bytes must be what that type starts with (its magic number). Text types have none:
 * they are refused when they start like markup (HTML, SVG, XML), a script or an executable, so that a
 * page or a program never passes as "plain text". A browser would not run them anyway (downloads are
 * attachments with nosniff), but a file saved from Atrium and opened later would.
 */
public final class ContentTypes {
    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";
    public static final String TEXT = "text/plain";
    public static final String CSV = "text/csv";
    public static final String DOC = "application/msword";
    public static final String XLS = "application/vnd.ms-excel";
    public static final String PPT = "application/vnd.ms-powerpoint";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    public static final String ODP = "application/vnd.oasis.opendocument.presentation";
    /** Accepted unless the installation configures its own list. */
    public static final Set<String> DEFAULT = org.atrium.api.attachment.AttachmentRules.DEFAULT_CONTENT_TYPES;
    /** How many first bytes the check reads. */
    public static final int HEAD = 512;

    private static final byte[] PDF_MAGIC = ascii("%PDF-");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** Markup and scripts, lower case, found anywhere in a text file's head. */
    private static final String[] ACTIVE_TEXT = {"<!doctype", "<html", "<script", "<svg", "<iframe", "<?xml", "<body", "<head"};

    private ContentTypes() {
    }

    /** The media type without parameters, lower case: {@code Text/Plain; charset=UTF-8} is {@code text/plain}. */
    public static String normalise(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Throws AttachmentTypeRefusedException unless {@code type} (normalised) is allowed and the head matches it. */
    public static void check(String type, byte[] head, int length, Set<String> allowed) {
        if (type.isEmpty()) {
            throw new AttachmentTypeRefusedException("needs a content type");
        }
        if (!allowed.contains(type)) {
            throw new AttachmentTypeRefusedException("has the content type " + type + ", which is not accepted; accepted: "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
        byte[] bytes = Arrays.copyOf(head, length);
        if (length == 0) {
            throw new AttachmentTypeRefusedException("is empty");
        }
        if (!matches(type, bytes)) {
            throw new AttachmentTypeRefusedException("does not start like " + type + " (its first bytes say it is something else)");
        }
    }

    static boolean matches(String type, byte[] head) {
        return switch (type) {
            case PDF -> startsWith(head, 0, PDF_MAGIC);
            case PNG -> startsWith(head, 0, PNG_MAGIC);
            case JPEG -> startsWith(head, 0, JPEG_MAGIC);
            case GIF -> startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"));
            case WEBP -> startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"));
            case DOC, XLS, PPT -> startsWith(head, 0, OLE2_MAGIC);
            case DOCX, XLSX, PPTX -> startsWith(head, 0, ZIP_MAGIC);
            // ODF: a zip whose first entry is the uncompressed file "mimetype" holding the media type
            case ODT, ODS, ODP -> startsWith(head, 0, ZIP_MAGIC) && startsWith(head, 30, ascii("mimetype" + type));
            default -> harmlessText(head); // text/plain, text/csv and any configured type without a signature
        };
    }

    /** No NUL byte (binaries), no markup, no script or executable start. */
    static boolean harmlessText(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String start = text.startsWith("\u00EF\u00BB\u00BF") ? text.substring(3) : text; // a UTF-8 byte order mark
        start = start.stripLeading();
        if (start.startsWith("<") || start.startsWith("#!") || start.startsWith("MZ") || start.startsWith("\u007FELF")) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(ACTIVE_TEXT).noneMatch(lower::contains);
    }

    private static boolean startsWith(byte[] head, int offset, byte[] prefix) {
        if (head.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
