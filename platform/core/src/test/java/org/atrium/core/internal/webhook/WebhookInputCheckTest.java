package org.atrium.core.internal.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.atrium.api.FieldError;
import org.atrium.api.ForbiddenException;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.webhook.WebhookInput;
import org.junit.jupiter.api.Test;

/** Bad input names its field; the owner department comes from the caller's administrator role. */
class WebhookInputCheckTest {
    private static final Caller PLATFORM = Caller.of("admin", "employee", "admin");
    private static final Caller HR_ADMIN = Caller.of("hradmin", "employee", "admin-hr");

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void everyBadFieldIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> WebhookInputCheck.check(PLATFORM,
                new WebhookInput("ftp://example.com/x", List.of("ticket.created", "ticket.exploded"), "HR!", null)));
        assertEquals(List.of("url", "events[1]", "department"), fields(e));
        assertEquals(List.of("url", "events"), fields(assertThrows(ValidationException.class,
                () -> WebhookInputCheck.check(PLATFORM, new WebhookInput(" ", List.of(), null, null)))));
        assertEquals(List.of("url"), fields(assertThrows(ValidationException.class,
                () -> WebhookInputCheck.check(PLATFORM, new WebhookInput("https://user:pw@example.com/", List.of("sla.breached"), null, null)))));
        assertEquals(List.of("url"), fields(assertThrows(ValidationException.class,
                () -> WebhookInputCheck.check(PLATFORM, new WebhookInput("http:///nohost", List.of("sla.breached"), null, null)))));
    }

    @Test
    void aPlatformAdministratorsSubscriptionHasNoOwnerDepartment() {
        WebhookInputCheck.Checked checked = WebhookInputCheck.check(PLATFORM,
                new WebhookInput("https://hooks.example.com/atrium", List.of("ticket.created", "ticket.created"), "hr", null));
        assertNull(checked.ownerDepartment());
        assertEquals("hr", checked.department());
        assertEquals(Set.of("ticket.created"), checked.events());
        assertTrue(checked.enabled());
    }

    @Test
    void aDepartmentAdministratorSubscribesForTheirOwnDepartment() {
        WebhookInputCheck.Checked checked = WebhookInputCheck.check(HR_ADMIN,
                new WebhookInput("http://localhost:9000/hook", List.of("sla.breached"), null, false));
        assertEquals("hr", checked.ownerDepartment());
        assertEquals("hr", checked.department());
        assertEquals(false, checked.enabled());
        assertEquals(List.of("department"), fields(assertThrows(ValidationException.class, () -> WebhookInputCheck.check(HR_ADMIN,
                new WebhookInput("http://localhost:9000/hook", List.of("sla.breached"), "it", null)))));
    }

    @Test
    void othersManageNoWebhooks() {
        assertThrows(ForbiddenException.class, () -> WebhookAccess.checkManagesWebhooks(Caller.of("ina", "employee", "agent-it")));
        assertEquals(Set.of("hr"), WebhookAccess.administeredDepartments(HR_ADMIN));
    }
}
