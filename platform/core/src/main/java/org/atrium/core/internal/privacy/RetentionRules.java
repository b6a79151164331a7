package org.atrium.core.internal.privacy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.atrium.core.internal.config.FrameworkProperties;

/**
 * Retention per request type from {@code etc/org.atrium.retention.cfg}: a key is a type key
 * ({@code hr.leave}) or a prefix with {@code .*} ({@code hr.*}), the value an ISO-8601 duration
 * after the ticket closed ({@code P365D}). The most specific rule wins: an exact key before the
 * longest prefix. Entries that are neither are reported, not guessed at. The keys of
 * {@link RetentionPurges} (camel case: never a type key) set how long mail and webhook logs stay.
 */
record RetentionRules(List<Rule> rules, List<String> problems, RetentionPurges purges) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*(\\.\\*)?");

    /** A type key, or a prefix (without the {@code *}, ending in a dot), and its period. */
    record Rule(String pattern, boolean prefix, Duration period) {
        boolean matches(String typeKey) {
            return prefix ? typeKey.startsWith(pattern) : typeKey.equals(pattern);
        }
    }

    static RetentionRules parse(Map<String, ?> properties) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Duration> ages = new java.util.HashMap<>();
        properties.forEach((key, value) -> {
            if (FrameworkProperties.isFramework(key)) {
                return;
            }
            if (RetentionPurges.KEYS.contains(key)) {
                period(key, value, problems).ifPresent(age -> ages.put(key, age));
                return;
            }
            if (!KEY.matcher(key).matches()) {
                problems.add(key + ": not a request type key or a prefix such as hr.*");
                return;
            }
            period(key, value, problems).ifPresent(period -> {
                boolean prefix = key.endsWith(".*");
                rules.add(new Rule(prefix ? key.substring(0, key.length() - 1) : key, prefix, period));
            });
        });
        // the most specific first: exact keys, then longer prefixes
        rules.sort((a, b) -> a.prefix() != b.prefix() ? (a.prefix() ? 1 : -1) : b.pattern().length() - a.pattern().length());
        return new RetentionRules(List.copyOf(rules), List.copyOf(problems), RetentionPurges.of(ages));
    }

    /** A positive ISO-8601 duration, or a problem reported. */
    private static java.util.Optional<Duration> period(String key, Object value, List<String> problems) {
        try {
            Duration period = Duration.parse(String.valueOf(value).strip());
            if (period.isNegative() || period.isZero()) {
                problems.add(key + ": the period must be positive, not " + value);
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(period);
        } catch (DateTimeParseException e) {
            problems.add(key + ": not an ISO-8601 duration such as P365D: " + value);
            return java.util.Optional.empty();
        }
    }

    /** The rule that decides for a type, if any. */
    java.util.Optional<Rule> forType(String typeKey) {
        return rules.stream().filter(rule -> rule.matches(typeKey)).findFirst();
    }
}
