package org.atrium.core.internal.catalog;

import java.util.List;
import java.util.Map;

import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.catalog.Audience;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.directory.Directory;
import org.atrium.api.security.Caller;

/**
 * Who may file a request type (its {@link Audience}). A caller the audience cannot admit at all gets
 * a 403; a manager who may file it only for their own people, naming someone else, gets a 400 on the
 * person field, since choosing another person is a correction of the request, not a lack of rights.
 */
public final class AudienceRule {
    private final Directory directory;

    public AudienceRule(Directory directory) {
        this.directory = directory;
    }

    /** Whether the catalog lists the type for the caller: admitted outright, or a manager where managers may file. */
    public boolean mayUse(Caller caller, RequestType type) {
        return admitsOutright(caller, type) || type.audience().admitsManagers() && directory.managesActivePeople(caller.user());
    }

    /** The types the caller may use, in the given order; asks the directory at most once. */
    public List<RequestType> usable(Caller caller, List<RequestType> types) {
        boolean manager = types.stream().anyMatch(type -> !admitsOutright(caller, type) && type.audience().admitsManagers())
                && directory.managesActivePeople(caller.user());
        return types.stream().filter(type -> admitsOutright(caller, type) || manager && type.audience().admitsManagers()).toList();
    }

    /** A ForbiddenException saying who may file the type, unless the caller could file it for someone. */
    public void checkMayFile(Caller caller, RequestType type) {
        if (!mayUse(caller, type)) {
            throw new ForbiddenException(type.key() + " may be filed only by " + describe(type)
                    + "; " + caller.user() + " is none of these");
        }
    }

    /**
     * For a caller admitted only as the manager of a person field's person: adds an error on that field
     * unless one of the {@code managerOf} fields names a person whom the caller manages. Fields that
     * already have an error (missing, not in the directory) are left to that error.
     */
    public void checkPeople(Caller caller, RequestType type, Map<String, Object> values, List<FieldError> errors) {
        Audience audience = type.audience();
        if (audience.managerOf().isEmpty() || admitsOutright(caller, type) || audience.managers() && directory.managesActivePeople(caller.user())) {
            return;
        }
        for (String field : audience.managerOf()) {
            if (values.get(field) instanceof String id
                    && directory.find(id).map(person -> caller.user().equals(person.manager())).orElse(false)) {
                return;
            }
        }
        String field = audience.managerOf().get(0);
        if (errors.stream().anyMatch(error -> error.field().equals("fields." + field))) {
            return;
        }
        Object named = values.get(field);
        errors.add(new FieldError("fields." + field, named == null
                ? "is required: name a person you manage (" + type.key() + " may be filed only by " + describe(type) + ")"
                : "'" + named + "' is not managed by " + caller.user() + ": " + type.key() + " may be filed only by " + describe(type)));
    }

    private static boolean admitsOutright(Caller caller, RequestType type) {
        Audience audience = type.audience();
        return audience.everyone()
                || audience.agents() && caller.isAgentOf(type.department())
                || audience.roles().stream().anyMatch(caller::hasRole);
    }

    /** The audience in words, e.g. "agents of hr (role agent-hr), the manager of the person in fields.employee". */
    static String describe(RequestType type) {
        Audience audience = type.audience();
        List<String> who = new java.util.ArrayList<>();
        if (audience.everyone()) {
            who.add("every employee");
        }
        if (audience.agents()) {
            who.add("agents of " + type.department() + " (role " + Caller.AGENT_PREFIX + type.department() + ")");
        }
        audience.roles().stream().sorted().forEach(role -> who.add("role " + role));
        if (audience.managers()) {
            who.add("managers of at least one active person");
        }
        audience.managerOf().forEach(field -> who.add("the manager of the person in fields." + field));
        return String.join(", ", who);
    }
}
