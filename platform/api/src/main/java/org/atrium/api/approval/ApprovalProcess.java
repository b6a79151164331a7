package org.atrium.api.approval;

import java.util.List;
import java.util.Map;

import org.atrium.api.catalog.Condition;

/**
 * Approvals a ticket goes through when it enters a workflow state. The stages run in order; when
 * every stage that applies approved (or none applies: pre-approved), the ticket moves to
 * {@code approvedTo}; the first rejected stage moves it to {@code rejectedTo}. Either move is made
 * by the server, recorded as the approval's outcome.
 *
 * @param state              entering this state starts the process (again, on every entry)
 * @param onlyWhen           the process runs only when this holds on the form; null: always
 * @param stages             in order
 * @param approvedTo         the state an approved ticket moves to
 * @param rejectedTo         the state a rejected ticket moves to
 * @param approvedResolution the resolution code set with the approval (when approvedTo is resolved or closed); may be null
 * @param rejectedResolution the resolution code set with a rejection; may be null
 */
public record ApprovalProcess(String state, Condition onlyWhen, List<ApprovalStage> stages, String approvedTo, String rejectedTo,
        String approvedResolution, String rejectedResolution) {
    public ApprovalProcess {
        stages = List.copyOf(stages);
    }

    public boolean appliesTo(Map<String, Object> fields) {
        return onlyWhen == null || onlyWhen.holds(fields.get(onlyWhen.field()));
    }
}
