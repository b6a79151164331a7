package org.atrium.core.internal.mail.in;

import java.util.Map;

/**
 * A department's mailbox: a mail to it opens a ticket of {@code requestType}, with {@code fields} as
 * the form values a mail cannot give (e.g. a repair's category "other").
 */
public record DepartmentAddress(String mailbox, String department, String requestType, Map<String, Object> fields) {
    public DepartmentAddress {
        fields = Map.copyOf(fields);
    }
}
