package org.atrium.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Finds the approvers of an approval stage when the descriptor's built-in rules (manager, role,
 * person, group) do not suffice. A stage names it with the approver rule {@code {"resolver": "name"}};
 * register it as a service named with {@link Extension}.
 *
 * <p>Asked when the stage starts, inside the transaction of the change that starts it, so it must be
 * quick and must not change tickets. Must be thread-safe; must not keep the context.
 */
@ConsumerType
public interface ApproverResolver {

    /**
     * Logins of the approvers; Atrium keeps the active people among them other than the requester.
     * Empty (or null) when nobody is found: then the department's agents decide. An exception is
     * logged and counts as nobody.
     */
    List<String> approvers(ApproverContext context);
}
