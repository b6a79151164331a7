package org.atrium.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs when a ticket of a type that names it enters a status (descriptor {@code "onEnter": [{"run":
 * "name"}]}): notifications, follow-up work. Register it as a service named with {@link Extension}.
 *
 * <p>Runs after the transition is committed, from Atrium's outbox on a background thread (never in
 * the request that made the transition), at least once: an action that throws is retried later, so
 * it should be idempotent. While the action is not running, its deliveries are skipped and logged. It
 * does not undo or block the transition. Must be thread-safe; must not keep the context.
 */
@ConsumerType
public interface TransitionAction {

    void onEnter(TransitionContext context);
}
