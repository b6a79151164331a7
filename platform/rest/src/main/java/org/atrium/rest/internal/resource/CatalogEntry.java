package org.atrium.rest.internal.resource;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.atrium.api.catalog.FieldOption;
import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;

/**
 * A request type as GET /catalog shows it: what a client needs to offer it and fill in its form,
 * and nothing internal (no bundle, no names of Java extensions). {@code name} and {@code helpText}
 * are the texts in the language the caller asked for, present only when it asked; so is {@code departmentName},
 * the department's label from {@code departmentNames} (empty when no descriptor of the department gives one).
 */
public record CatalogEntry(
        String key,
        String department,
        Map<String, String> departmentNames,
        @JsonInclude(JsonInclude.Include.NON_NULL) String departmentName,
        String category,
        String keyPrefix,
        boolean confidential,
        int schemaVersion,
        Map<String, String> names,
        Map<String, String> help,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String helpText,
        List<CatalogField> fields,
        CatalogWorkflow workflow,
        List<CatalogField.Option> resolutionCodes) {

    /**
     * @param type     the registered type
     * @param options  the options of a field now: its own, or those its option source supplies
     * @param language the language to resolve texts in, or null
     */
    static CatalogEntry of(RequestType type, Function<FormField, List<FieldOption>> options, String language) {
        return of(type, options, language, type.departmentNames());
    }

    /** @param departmentNames the department's label (see DepartmentLabels), empty when it has none */
    static CatalogEntry of(RequestType type, Function<FormField, List<FieldOption>> options, String language,
            Map<String, String> departmentNames) {
        return new CatalogEntry(type.key(), type.department(), departmentNames,
                departmentNames.isEmpty() ? null : AcceptedLanguage.resolve(departmentNames, language), type.category(), type.keyPrefix(), type.confidential(),
                type.schemaVersion(), type.names(), type.help(), AcceptedLanguage.resolve(type.names(), language),
                AcceptedLanguage.resolve(type.help(), language),
                type.fields().stream().map(field -> CatalogField.of(field, options.apply(field), language)).toList(),
                type.workflow() == null ? null : CatalogWorkflow.of(type.workflow(), language),
                type.resolutionCodes().stream().map(code -> new CatalogField.Option(code.value(), code.labels(),
                        AcceptedLanguage.resolve(code.labels(), language))).toList());
    }
}
