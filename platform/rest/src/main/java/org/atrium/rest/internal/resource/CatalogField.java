package org.atrium.rest.internal.resource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.atrium.api.catalog.Condition;
import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;

/**
 * A form field as GET /catalog shows it: type, rules, options, labels and conditions. Rules that do
 * not apply are null (or empty, or false). {@code label} and {@code helpText} are the texts in the
 * language the caller asked for, present only when it asked.
 */
public record CatalogField(
        String name,
        String type,
        boolean required,
        Map<String, String> labels,
        Map<String, String> help,
        @JsonInclude(JsonInclude.Include.NON_NULL) String label,
        @JsonInclude(JsonInclude.Include.NON_NULL) String helpText,
        List<Option> options,
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        boolean notInPast,
        Integer maxDays,
        When requiredWhen,
        When shownWhen,
        boolean computed) {

    /** One allowed value of a choice field. */
    public record Option(String value, Map<String, String> labels, @JsonInclude(JsonInclude.Include.NON_NULL) String label) {
    }

    /** The field is asked for (or required) while field {@code field} has one of the values {@code in}. */
    public record When(String field, List<String> in) {
        static When of(Condition condition) {
            return condition == null ? null : new When(condition.field(), condition.in());
        }
    }

    static CatalogField of(FormField field, List<FieldOption> options, String language) {
        return new CatalogField(field.name(), field.type(), field.required(), field.labels(), field.help(),
                AcceptedLanguage.resolve(field.labels(), language), AcceptedLanguage.resolve(field.help(), language),
                options.stream().map(option -> new Option(option.value(), option.labels(),
                        AcceptedLanguage.resolve(option.labels(), language))).toList(),
                field.min(), field.max(), field.minLength(), field.maxLength(), field.pattern(), field.notInPast(),
                field.maxDays(), When.of(field.requiredWhen()), When.of(field.shownWhen()), field.computed());
    }
}
