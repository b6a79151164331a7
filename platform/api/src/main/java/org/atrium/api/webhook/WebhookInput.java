package org.atrium.api.webhook;

import java.util.List;

/**
 * A subscription to create or replace: {@code url} (http or https), {@code events} (event types such
 * as {@code ticket.created}, at least one), {@code department} (only events of that department's
 * tickets; null for every department a subscription may see), {@code enabled} (true when null; an
 * administrator sets it to true again after failures disabled the subscription).
 */
public record WebhookInput(String url, List<String> events, String department, Boolean enabled) {
}
