package org.atrium.core.internal.calendar;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A country (DE) or an ISO 3166-2 subdivision (DE-BY), in Jollyday's lower-case spelling. */
record RegionCode(String country, String subdivision) {
    private static final Pattern CODE = Pattern.compile("([A-Za-z]{2})(?:-([A-Za-z0-9]{1,3}))?");

    /** Null when the text is not of that form. */
    static RegionCode parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = CODE.matcher(text.strip());
        if (!matcher.matches()) {
            return null;
        }
        String subdivision = matcher.group(2);
        return new RegionCode(matcher.group(1).toLowerCase(Locale.ROOT),
                subdivision == null ? null : subdivision.toLowerCase(Locale.ROOT));
    }
}
