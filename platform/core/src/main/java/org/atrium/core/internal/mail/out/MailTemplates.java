package org.atrium.core.internal.mail.out;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notification templates: one file per template and language ({@code created_de.txt}), its first
 * line {@code Subject: ...}, a blank line, then the plain text. {@code ${name}} is replaced by the
 * value of that name (empty when there is none). The HTML part is made from the same text: every
 * value and every character of the template escaped, paragraphs at blank lines, web addresses as
 * links; so a form value can never become markup. A department bundle overrides a template with
 * {@code mail/<template>_<lang>.txt} ({@link Overrides}).
 */
public final class MailTemplates {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)\\}");
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");
    private static final String BUILT_IN = "/org/atrium/core/internal/mail/out/templates/";

    /** A department's own templates, by the request type whose bundle provides them. */
    @FunctionalInterface
    public interface Overrides {
        Overrides NONE = (type, file) -> Optional.empty();

        /** The text of {@code file} (e.g. {@code created_de.txt}) in the bundle of request type {@code type}. */
        Optional<String> find(String type, String file);
    }

    private final Overrides overrides;

    public MailTemplates(Overrides overrides) {
        this.overrides = overrides;
    }

    /** Renders a template in a language (German or English; anything else is English) for a ticket of a type. */
    public RenderedMail render(String template, String language, String type, Map<String, String> values) {
        String lang = "de".equals(language) ? "de" : "en";
        String file = template + "_" + lang + ".txt";
        String source = (type == null ? Optional.<String>empty() : overrides.find(type, file)).orElseGet(() -> builtIn(file));
        String normalised = source.replace("\r\n", "\n");
        if (!normalised.startsWith("Subject:")) {
            throw new IllegalStateException("mail template " + file + " must start with a line 'Subject: ...'");
        }
        int end = normalised.indexOf('\n');
        String subjectLine = end < 0 ? normalised : normalised.substring(0, end);
        String body = end < 0 ? "" : normalised.substring(end + 1).replaceFirst("^\n", "");
        String subject = oneLine(substitute(subjectLine.substring("Subject:".length()).strip(), values, false));
        return new RenderedMail(subject, substitute(body, values, false), html(subject, body, values));
    }

    private static String builtIn(String file) {
        try (InputStream in = MailTemplates.class.getResourceAsStream(BUILT_IN + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no mail template " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String html(String subject, String body, Map<String, String> values) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(subject)).append("</title></head>\n<body style=\"font-family:sans-serif\">\n");
        for (String paragraph : body.strip().split("\n\\s*\n")) {
            String escaped = substitute(escape(paragraph), values, true);
            html.append("<p>").append(link(escaped).replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static String link(String escaped) {
        Matcher matcher = URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String url = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String substitute(String text, Map<String, String> values, boolean escapeValues) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(escapeValues ? escape(value) : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Subjects are one line: a value with a line break must not add headers. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
