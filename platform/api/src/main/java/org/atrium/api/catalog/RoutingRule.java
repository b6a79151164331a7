package org.atrium.api.catalog;

import java.util.List;

/**
 * One rule of a type's routing: a new ticket whose form field {@code field} has one of the values
 * {@code in} goes to the assignment group {@code group} of the type's department. The first rule that
 * matches wins; a rule without a field ({@code field} null) matches every ticket (the default).
 */
public record RoutingRule(String field, List<String> in, String group) {
    public RoutingRule {
        in = in == null ? List.of() : List.copyOf(in);
    }

    /** A rule that matches every ticket. */
    public static RoutingRule always(String group) {
        return new RoutingRule(null, List.of(), group);
    }

    public boolean isDefault() {
        return field == null;
    }
}
