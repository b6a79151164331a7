package org.atrium.api.webhook;

import java.util.List;

import org.atrium.api.security.Caller;

/**
 * Webhook subscriptions and their delivery log. Platform administrators ({@code admin}) manage every
 * subscription, department administrators ({@code admin-<department>}) those their department owns;
 * anyone else gets a ForbiddenException. Bad input is a ValidationException naming the field.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WebhookService {
    /** The event types a subscription may name ({@code ticket.created}, ...). */
    List<String> eventTypes();

    /** Creates a subscription owned by the caller's department; the answer carries the new secret. */
    Webhook create(Caller caller, WebhookInput input);

    List<Webhook> list(Caller caller);

    Webhook get(Caller caller, long id);

    /** Replaces url, events, department and enabled; enabling again resets the failure count. */
    Webhook update(Caller caller, long id, WebhookInput input);

    /** Removes the subscription with its pending deliveries and log. */
    void delete(Caller caller, long id);

    /** A new secret (the old one stops signing at once); the answer carries it. */
    Webhook rotateSecret(Caller caller, long id);

    /** The subscription's delivery attempts, newest first. */
    List<WebhookAttempt> attempts(Caller caller, long id, int limit);
}
