package org.atrium.rest.internal.resource;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Picks the language of an answer from an {@code Accept-Language} header (RFC 9110): German or
 * English, by quality value; region tags count for their language ({@code de-DE} is German), and
 * {@code *} stands for any language not named. English when the header names neither.
 */
final class AcceptedLanguage {
    static final String FALLBACK = "en";
    /** The languages offered; the fallback first, so that it wins a tie among languages nobody named. */
    static final List<String> SUPPORTED = List.of(FALLBACK, "de");

    private AcceptedLanguage() {
    }

    /** The language to resolve texts in, or null when the caller did not ask for one. */
    static String of(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Map<String, Double> quality = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        Double anyOther = null;
        String[] ranges = header.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].trim().split(";");
            String tag = parts.length == 0 ? "" : parts[0].trim().toLowerCase(Locale.ROOT);
            Double q = quality(parts);
            if (q == null || tag.isEmpty()) {
                continue; // a malformed range is ignored, as if not sent
            }
            if (tag.equals("*")) {
                anyOther = q;
                continue;
            }
            String language = tag.split("-")[0];
            quality.merge(language, q, Math::max);
            position.putIfAbsent(language, i);
        }
        String best = null;
        double bestQuality = 0;
        int bestPosition = Integer.MAX_VALUE;
        for (String language : SUPPORTED) {
            Double q = quality.containsKey(language) ? quality.get(language) : anyOther;
            int at = position.getOrDefault(language, Integer.MAX_VALUE);
            if (q != null && q > 0 && (q > bestQuality || (q == bestQuality && at < bestPosition))) {
                best = language;
                bestQuality = q;
                bestPosition = at;
            }
        }
        return best == null ? FALLBACK : best;
    }

    /** The q parameter (1 when absent), or null when it is malformed. */
    private static Double quality(String[] parts) {
        double q = 1;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    q = Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                if (!(q >= 0 && q <= 1)) {
                    return null;
                }
            }
        }
        return q;
    }

    /** The text in the language, else in English; null when there is none or no language was asked for. */
    static String resolve(Map<String, String> texts, String language) {
        if (language == null || texts == null || texts.isEmpty()) {
            return null;
        }
        String text = texts.get(language);
        return text != null ? text : texts.get(FALLBACK);
    }
}
