package org.atrium.api.workflow;

import java.util.List;

/**
 * Who may change which ticket fields in which status categories. A change is allowed when any
 * rule of the type allows it; a type without rules gets {@code Workflow#DEFAULT_FIELD_RULES}.
 *
 * @param parties    {@code requester}, {@code assignee}, {@code agents} or {@code role:NAME}
 * @param fields     {@code summary}, {@code description}, {@code impact}, {@code urgency},
 *                   {@code assignee}, {@code assignmentGroup}, {@code fields.NAME}, or {@code fields.*} for every form field
 * @param categories the status categories in which they may
 */
public record FieldRule(List<String> parties, List<String> fields, List<StatusCategory> categories) {
    public FieldRule {
        parties = List.copyOf(parties);
        fields = List.copyOf(fields);
        categories = List.copyOf(categories);
    }
}
