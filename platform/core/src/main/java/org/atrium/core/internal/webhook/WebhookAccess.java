package org.atrium.core.internal.webhook;

import java.util.Set;
import java.util.TreeSet;

import org.atrium.api.ForbiddenException;
import org.atrium.api.NotFoundException;
import org.atrium.api.security.Caller;
import org.atrium.core.internal.persistence.WebhookEntity;

/**
 * Who manages which subscriptions: platform administrators ({@code admin}) all of them, department
 * administrators ({@code admin-<department>}) those their department owns; anyone else none (403).
 */
final class WebhookAccess {
    static final String DEPARTMENT_ADMIN_PREFIX = "admin-";

    private WebhookAccess() {
    }

    /** The departments the caller administers through an {@code admin-<department>} role. */
    static Set<String> administeredDepartments(Caller caller) {
        Set<String> departments = new TreeSet<>();
        for (String role : caller.roles()) {
            if (role.startsWith(DEPARTMENT_ADMIN_PREFIX) && role.length() > DEPARTMENT_ADMIN_PREFIX.length()) {
                departments.add(role.substring(DEPARTMENT_ADMIN_PREFIX.length()));
            }
        }
        return departments;
    }

    static void checkManagesWebhooks(Caller caller) {
        if (!caller.isAdmin() && administeredDepartments(caller).isEmpty()) {
            throw new ForbiddenException("Webhooks are managed by administrators (admin, or admin-<department> for a department's)");
        }
    }

    static boolean sees(Caller caller, WebhookEntity hook) {
        return caller.isAdmin() || hook.getOwnerDepartment() != null
                && administeredDepartments(caller).contains(hook.getOwnerDepartment());
    }

    /** The subscription if the caller may manage it; another department's is as if it did not exist (404). */
    static WebhookEntity visible(Caller caller, WebhookEntity hook, long id) {
        checkManagesWebhooks(caller);
        if (hook == null || !sees(caller, hook)) {
            throw new NotFoundException("No webhook " + id);
        }
        return hook;
    }
}
