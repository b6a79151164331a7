package org.atrium.core.internal.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.security.Caller;
import org.atrium.api.webhook.WebhookInput;

/**
 * Checks a subscription's input and decides its owner department and department filter: every bad
 * field is listed, and nothing is written while one is.
 */
final class WebhookInputCheck {
    static final int MAX_URL = 2000;
    private static final Pattern DEPARTMENT = Pattern.compile("[a-z][a-z0-9-]{0,49}");

    /** What to store: the events without duplicates, the department filter, the owner department. */
    record Checked(String url, Set<String> events, String department, String ownerDepartment, boolean enabled) {
    }

    private WebhookInputCheck() {
    }

    static Checked check(Caller caller, WebhookInput input) {
        if (input == null) {
            throw new ValidationException("body", "is required: {\"url\", \"events\", \"department\", \"enabled\"}");
        }
        List<FieldError> errors = new ArrayList<>();
        checkUrl(input.url(), errors);
        Set<String> events = checkEvents(input.events(), errors);
        String department = input.department();
        String owner = null;
        if (department != null && !DEPARTMENT.matcher(department).matches()) {
            errors.add(new FieldError("department", "must be a department key such as it or hr (lower-case letters, digits, '-')"));
        } else {
            Set<String> administered = WebhookAccess.administeredDepartments(caller);
            if (department != null && administered.contains(department)) {
                owner = department;
            } else if (!caller.isAdmin()) {
                if (department == null && administered.size() == 1) {
                    owner = administered.iterator().next();
                    department = owner;
                } else {
                    errors.add(new FieldError("department", department == null
                            ? "is required: name one of the departments you administer " + administered
                            : "a department administrator subscribes to their own department's events " + administered));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Checked(input.url().strip(), events, department, owner, input.enabled() == null || input.enabled());
    }

    private static void checkUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "is required: the http or https address to POST events to"));
            return;
        }
        if (url.length() > MAX_URL) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL + " characters"));
            return;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                errors.add(new FieldError("url", "must be an http or https URL"));
            } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
                errors.add(new FieldError("url", "must name a host"));
            } else if (uri.getUserInfo() != null) {
                errors.add(new FieldError("url", "must not carry credentials; the signature authenticates Atrium"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL: " + e.getReason()));
        }
    }

    private static Set<String> checkEvents(List<String> events, List<FieldError> errors) {
        Set<String> checked = new LinkedHashSet<>();
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "is required: at least one of " + WebhookEvents.types()));
            return checked;
        }
        List<String> known = WebhookEvents.types();
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            if (event == null || !known.contains(event)) {
                errors.add(new FieldError("events[" + i + "]", "is not an event type; one of " + known));
            } else {
                checked.add(event);
            }
        }
        return checked;
    }
}
