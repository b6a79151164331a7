package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.ticket.TicketQuery;
import org.junit.jupiter.api.Test;

/** GET /tickets reads its query parameters strictly: what it does not know is a 400 naming it. */
class QueueParametersTest {

    private static MultivaluedMap<String, String> parameters(String... pairs) {
        MultivaluedMap<String, String> map = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.add(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static List<String> refused(String... pairs) {
        ValidationException e = assertThrows(ValidationException.class, () -> QueueParameters.read(parameters(pairs)));
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void readsEveryParameter() {
        TicketQuery query = QueueParameters.read(parameters("department", "it", "status", "new", "status", "in-progress,waiting",
                "category", "pending", "assignee", "me", "requester", "anna", "group", "network", "sort", "-created",
                "limit", "20", "cursor", "abc"));
        assertEquals(new TicketQuery("it", List.of("new", "in-progress", "waiting"), List.of("pending"), "me", "anna", "network",
                false, "-created", 20, "abc"), query);
        assertTrue(QueueParameters.read(parameters("unassigned", "true")).unassigned());
        assertEquals(new TicketQuery(null, List.of(), List.of(), null, null, null, false, null, TicketQuery.DEFAULT_LIMIT, null),
                QueueParameters.read(parameters()));
    }

    @Test
    void refusesNamingTheParameter() {
        assertEquals(List.of("stauts"), refused("stauts", "new"));
        // q is a search now (issue 13): refused when given twice, like every single-valued parameter
        assertEquals(List.of("q"), refused("department", "it", "q", "printer", "q", "toner"));
        assertEquals(List.of("department"), refused("department", "it", "department", "hr"));
        assertEquals(List.of("group"), refused("group", ""));
        assertEquals(List.of("unassigned"), refused("unassigned", "yes"));
        assertEquals(List.of("limit"), refused("limit", "many"));
        assertEquals(List.of("sort"), refused("sort", "a", "sort", "b"));
    }
}
