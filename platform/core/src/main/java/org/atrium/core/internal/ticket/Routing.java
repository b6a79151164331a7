package org.atrium.core.internal.ticket;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RoutingRule;

/** The group a new ticket goes to: the first of the type's routing rules that its form values match. */
final class Routing {
    private Routing() {
    }

    static Optional<String> groupFor(RequestType type, Map<String, Object> values) {
        return type.routing().stream().filter(rule -> matches(rule, values)).findFirst().map(RoutingRule::group);
    }

    static boolean matches(RoutingRule rule, Map<String, Object> values) {
        if (rule.isDefault()) {
            return true;
        }
        Object value = values.get(rule.field());
        if (value instanceof Collection<?> chosen) { // multi-choice: any chosen value routes
            return chosen.stream().anyMatch(one -> one != null && rule.in().contains(String.valueOf(one)));
        }
        return value != null && rule.in().contains(String.valueOf(value));
    }

}
