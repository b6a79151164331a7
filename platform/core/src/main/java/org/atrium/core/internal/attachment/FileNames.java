package org.atrium.core.internal.attachment;

import java.util.Locale;
import java.util.Set;

import org.atrium.api.attachment.AttachmentTypeRefusedException;

/**
 * File names from clients: no path (a name is its last segment), no control characters, at most 255
 * characters. The display name keeps everything else the uploader wrote; the stored (download) name also
 * loses the characters that file systems or shells treat specially. Names of pages, scripts and programs
 * are refused whatever the content type claims.
 */
public final class FileNames {
    static final int MAX = 255;
    private static final Set<String> REFUSED_EXTENSIONS = Set.of("htm", "html", "xhtml", "shtml", "mht", "mhtml", "svg", "svgz", "xml",
            "js", "mjs", "jse", "vbs", "vbe", "wsf", "wsh", "hta", "ps1", "psm1", "sh", "bash", "zsh", "bat", "cmd", "com", "exe", "dll",
            "msi", "msp", "scr", "cpl", "jar", "class", "php", "phtml", "py", "pl", "rb", "cgi", "app", "apk", "lnk", "reg");

    private FileNames() {
    }

    /** The name to show: the last path segment, without control characters; "attachment" when nothing is left. */
    public static String display(String name) {
        String base = name == null ? "" : name;
        int slash = Math.max(base.lastIndexOf('/'), base.lastIndexOf('\\'));
        base = base.substring(slash + 1);
        StringBuilder kept = new StringBuilder();
        base.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        String trimmed = kept.toString().strip();
        return trimmed.isEmpty() ? "attachment" : cut(trimmed);
    }

    /** The name the download carries: the display name without {@code "*:<>?|} and leading dots. */
    public static String sanitised(String name) {
        String shown = display(name);
        StringBuilder safe = new StringBuilder();
        shown.codePoints().map(c -> "\"*:<>?|;".indexOf(c) >= 0 || Character.isWhitespace(c) ? '_' : c).forEach(safe::appendCodePoint);
        String result = safe.toString().replaceAll("^[._]+", "");
        return result.isEmpty() ? "attachment" : result;
    }

    /** Refuses names that end like a page, a script or a program (415 naming {@code file}). */
    public static void checkExtension(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (REFUSED_EXTENSIONS.contains(extension)) {
            throw new AttachmentTypeRefusedException("is named ." + extension + ": pages, scripts and programs are not accepted");
        }
    }

    private static String cut(String name) {
        if (name.length() <= MAX) { // UTF-16 units: what Derby's VARCHAR counts (PostgreSQL counts fewer)
            return name;
        }
        return name.substring(0, Character.isHighSurrogate(name.charAt(MAX - 1)) ? MAX - 1 : MAX);
    }
}
