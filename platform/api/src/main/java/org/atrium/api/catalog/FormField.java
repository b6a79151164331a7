package org.atrium.api.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One field of a request form, as its descriptor declares it (docs/descriptors.md).
 *
 * @param name         key in the ticket's {@code fields} object
 * @param type         text, textarea, number, integer, date, date-range, time, time-range, choice, multi-choice,
 *                     person, boolean, attachment
 * @param required     a value must be given (on create, and an update may not clear it)
 * @param labels       label per language tag (de, en)
 * @param help         help text per language tag, may be empty
 * @param options      allowed values of a choice or multi-choice field, each with labels
 * @param optionSource name of an {@link org.atrium.api.spi.OptionSource} service that supplies the options instead
 * @param min          smallest number (number and integer fields) or fewest selections (multi-choice), or null
 * @param max          largest number, or most selections, or null
 * @param minLength    shortest text, or null
 * @param maxLength    longest text, or null
 * @param pattern      regular expression a text must match as a whole, or null
 * @param requiredWhen the field is required only while this condition holds, or null
 * @param shownWhen    the field is asked for (and may hold a value) only while this condition holds, or null
 * @param computed     set by the server (a {@link org.atrium.api.spi.FieldCalculator}), never by the requester
 * @param notInPast    date and date-range fields: a date sent must not be before today (the server's time zone)
 * @param maxDays      date-range fields: the most days the range may cover, both ends included, or null
 */
public record FormField(
        String name,
        String type,
        boolean required,
        Map<String, String> labels,
        Map<String, String> help,
        List<FieldOption> options,
        String optionSource,
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        Condition requiredWhen,
        Condition shownWhen,
        boolean computed,
        boolean notInPast,
        Integer maxDays) {

    public FormField {
        labels = Map.copyOf(labels);
        help = help == null ? Map.of() : Map.copyOf(help);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A plain field without rules beyond {@code required}; handy in tests and code-built types. */
    public static FormField simple(String name, String type, boolean required, Map<String, String> labels, List<FieldOption> options) {
        return new FormField(name, type, required, labels, Map.of(), options, null, null, null, null, null, null, null, null, false, false, null);
    }
}
