package org.atrium.core.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.atrium.core.internal.persistence.WebhookEntity;
import org.junit.jupiter.api.Test;

/** Which subscriptions receive an event; a confidential ticket only those its own department created. */
class WebhookFilterTest {
    private static WebhookEntity hook(String owner, String department, String events) {
        WebhookEntity hook = new WebhookEntity(owner, "whsec_x", "admin", Instant.EPOCH);
        hook.setDepartment(department);
        hook.setEvents(events);
        return hook;
    }

    @Test
    void eventTypeAndDepartmentFilter() {
        WebhookEntity itCreated = hook("it", "it", "ticket.created,ticket.status");
        assertTrue(WebhookFilter.receives(itCreated, "ticket.created", "it", false));
        assertTrue(WebhookFilter.receives(itCreated, "ticket.status", "it", false));
        assertFalse(WebhookFilter.receives(itCreated, "ticket.commented", "it", false));
        assertFalse(WebhookFilter.receives(itCreated, "ticket.created", "facility", false));
        WebhookEntity everyDepartment = hook(null, null, "ticket.created");
        assertTrue(WebhookFilter.receives(everyDepartment, "ticket.created", "facility", false));
    }

    @Test
    void aConfidentialTicketGoesOnlyToItsOwnDepartmentsSubscriptions() {
        assertTrue(WebhookFilter.receives(hook("hr", "hr", "ticket.created"), "ticket.created", "hr", true));
        assertTrue(WebhookFilter.receives(hook("hr", null, "ticket.created"), "ticket.created", "hr", true));
        assertFalse(WebhookFilter.receives(hook(null, null, "ticket.created"), "ticket.created", "hr", true),
                "a platform administrator's subscription for every department");
        assertFalse(WebhookFilter.receives(hook(null, "hr", "ticket.created"), "ticket.created", "hr", true),
                "a platform administrator's subscription filtered to HR");
        assertFalse(WebhookFilter.receives(hook("it", null, "ticket.created"), "ticket.created", "hr", true),
                "another department's subscription");
        assertTrue(WebhookFilter.receives(hook(null, "hr", "ticket.created"), "ticket.created", "hr", false),
                "a ticket that is not confidential goes to anyone subscribed");
    }

    @Test
    void aDisabledSubscriptionReceivesNothing() {
        WebhookEntity hook = hook("it", "it", "ticket.created");
        hook.setEnabled(false);
        assertFalse(WebhookFilter.receives(hook, "ticket.created", "it", false));
    }
}
