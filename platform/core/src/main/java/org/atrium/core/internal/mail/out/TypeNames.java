package org.atrium.core.internal.mail.out;

import java.util.Map;
import java.util.Optional;

import org.atrium.api.approval.ApprovalProcess;
import org.atrium.api.approval.ApprovalStage;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.atrium.api.workflow.WorkflowState;

/** The names a mail shows for a type, a state and an approval stage, in one language; the key when the type is gone. */
final class TypeNames {
    private final RequestTypeRegistry types;

    TypeNames(RequestTypeRegistry types) {
        this.types = types;
    }

    String type(String type, String language) {
        return types.find(type).map(RequestType::names).map(names -> named(names, language, type)).orElse(type);
    }

    String state(String type, String state, String language) {
        return types.find(type).map(RequestType::workflow).flatMap(workflow -> workflow.state(state))
                .map(WorkflowState::names).map(names -> named(names, language, state)).orElse(state);
    }

    String stage(String type, String stage, String language) {
        Optional<RequestType> found = types.find(type);
        if (found.isEmpty() || found.get().approvals() == null) {
            return stage;
        }
        for (ApprovalProcess process : found.get().approvals()) {
            for (ApprovalStage candidate : process.stages()) {
                if (candidate.key().equals(stage)) {
                    return named(candidate.names(), language, stage);
                }
            }
        }
        return stage;
    }

    private static String named(Map<String, String> names, String language, String fallback) {
        return names.getOrDefault(language, names.getOrDefault("en", fallback));
    }
}
