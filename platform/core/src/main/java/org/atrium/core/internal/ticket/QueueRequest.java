package org.atrium.core.internal.ticket;

import java.util.ArrayList;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.AssignmentGroup;
import org.atrium.api.directory.AssignmentGroups;
import org.atrium.api.security.Caller;
import org.atrium.api.ticket.TicketQuery;
import org.atrium.api.workflow.StatusCategory;

/**
 * A queue query checked and resolved: every filter value known, {@code assignee=me} replaced by the
 * caller, the sort and the cursor decoded. Errors name the query parameter.
 */
record QueueRequest(TicketQuery query, QueueSort sort, QueueCursor after) {
    /** Each status and category is its own index range: a bound keeps a page a bounded number of reads. */
    static final int MAX_VALUES = 10;

    static QueueRequest check(Caller caller, TicketQuery query, List<String> knownStates, AssignmentGroups groups, CursorKey key) {
        List<FieldError> errors = new ArrayList<>();
        if (query.limit() < 1 || query.limit() > TicketQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + TicketQuery.MAX_LIMIT));
        }
        checkValues("status", query.statuses(), knownStates, "is not a state of any workflow; known are ", errors);
        List<String> categories = java.util.Arrays.stream(StatusCategory.values()).map(StatusCategory::json).toList();
        checkValues("category", query.categories(), categories, "is not a status category; they are ", errors);
        if (query.group() != null && groups.all().stream().map(AssignmentGroup::key).noneMatch(query.group()::equals)) {
            errors.add(new FieldError("group", "is not an assignment group of any department; known are "
                    + String.join(", ", groups.all().stream().map(AssignmentGroup::key).distinct().sorted().toList())));
        }
        if (query.unassigned() && query.assignee() != null) {
            errors.add(new FieldError("unassigned", "cannot be combined with assignee: a ticket has an assignee or none"));
        }
        QueueSort sort = QueueSort.parse(query.sort()).orElse(null);
        if (sort == null) {
            errors.add(new FieldError("sort", "must be one of " + String.join(", ", TicketQuery.SORTS)));
        }
        QueueCursor after = null;
        if (query.cursor() != null && sort != null) {
            try {
                after = QueueCursor.decode(query.cursor(), sort, key);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String assignee = AssigneeRule.ME.equals(query.assignee()) ? caller.user() : query.assignee();
        TicketQuery resolved = new TicketQuery(query.department(), query.statuses().stream().distinct().toList(),
                query.categories().stream().distinct().toList(), assignee, query.requester(), query.group(),
                query.unassigned(), sort.json(), query.limit(), query.cursor());
        return new QueueRequest(resolved, sort, after);
    }

    private static void checkValues(String parameter, List<String> values, List<String> known, String reason,
            List<FieldError> errors) {
        if (values.size() > MAX_VALUES) {
            errors.add(new FieldError(parameter, "may be given at most " + MAX_VALUES + " times"));
            return;
        }
        for (String value : values) {
            if (value == null || !known.contains(value)) {
                errors.add(new FieldError(parameter, "'" + value + "' " + reason + String.join(", ", known)));
            }
        }
    }
}
