package org.atrium.core.internal.webhook;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.atrium.core.internal.persistence.WebhookEntity;

/**
 * Which subscriptions receive an event. Confidential tickets (HR's by default) go only to the
 * subscriptions their own department created: any other subscription, also a platform
 * administrator's, gets no event for them at all (not even one without content).
 */
final class WebhookFilter {
    private WebhookFilter() {
    }

    static boolean receives(WebhookEntity hook, String eventType, String department, boolean confidential) {
        if (!hook.isEnabled() || !events(hook.getEvents()).contains(eventType)) {
            return false;
        }
        if (hook.getDepartment() != null && !hook.getDepartment().equals(department)) {
            return false;
        }
        return !confidential || department != null && department.equals(hook.getOwnerDepartment());
    }

    static Set<String> events(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
