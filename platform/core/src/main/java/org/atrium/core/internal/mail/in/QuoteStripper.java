package org.atrium.core.internal.mail.in;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The new part of a reply: the quoted mail below an attribution line ("On ... wrote:", "Am ...
 * schrieb ...:", Outlook's "-----Original Message-----" or "Von:/From:" block) and the signature
 * below "-- " are cut, as are quoted lines ("> ...") at the end. A rule set, not a guess: what it
 * does not recognise stays in the comment, so nothing a person wrote is lost.
 */
public final class QuoteStripper {
    private static final Pattern ENGLISH_ATTRIBUTION = Pattern.compile("^On\\s.{1,300}\\swrote:\\s*$");
    private static final Pattern GERMAN_ATTRIBUTION = Pattern.compile("^Am\\s.{1,300}\\sschrieb(\\s.{0,300})?:\\s*$");
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_HEADER = Pattern.compile("^\\*?(From|Von):\\*?\\s.+");
    private static final Pattern OUTLOOK_NEXT = Pattern.compile("^\\*?(Sent|Gesendet|Date|Datum|To|An):\\*?\\s.*");
    private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");
    private static final Pattern MOBILE_SIGNATURE = Pattern.compile("^(Sent from my .+|Von meinem .+ gesendet\\.?)$");

    private QuoteStripper() {
    }

    public static String strip(String text) {
        if (text == null) {
            return "";
        }
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String joined = i + 1 < lines.length ? line + " " + lines[i + 1].strip() : line;
            if (startsQuote(line) || (line.matches("^(On|Am)\\s.+") && startsQuote(joined))
                    || (OUTLOOK_HEADER.matcher(line).matches() && i + 1 < lines.length && OUTLOOK_NEXT.matcher(lines[i + 1].strip()).matches())
                    || SIGNATURE.matcher(lines[i]).matches() || MOBILE_SIGNATURE.matcher(line).matches()) {
                break;
            }
            kept.add(lines[i]);
        }
        // quoted lines and blank lines left at the end (a reply quoting without an attribution line)
        int end = kept.size();
        while (end > 0 && (kept.get(end - 1).isBlank() || kept.get(end - 1).stripLeading().startsWith(">")
                || kept.get(end - 1).strip().matches("_{10,}"))) {
            end--;
        }
        int start = 0;
        while (start < end && kept.get(start).isBlank()) {
            start++;
        }
        return String.join("\n", kept.subList(start, end)).stripTrailing();
    }

    private static boolean startsQuote(String line) {
        return ENGLISH_ATTRIBUTION.matcher(line).matches() || GERMAN_ATTRIBUTION.matcher(line).matches()
                || ORIGINAL_MESSAGE.matcher(line).matches();
    }
}
