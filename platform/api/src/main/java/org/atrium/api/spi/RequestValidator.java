package org.atrium.api.spi;

import java.util.List;

import org.atrium.api.FieldError;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks a form beyond what a descriptor can state (cross-field rules, lookups). A descriptor names
 * it in {@code "validators"}; register it as a service named with {@link Extension}.
 *
 * <p>Runs on every create and update of a ticket of such a type, after the descriptor's own rules
 * passed, inside the request (not in its transaction: it must not change tickets). While a named
 * validator is not running, such requests are refused with 503 rather than let through unchecked.
 * Must be thread-safe: one instance serves concurrent requests. Should be quick (it delays the
 * request) and must not keep the context.
 */
@ConsumerType
public interface RequestValidator {

    /**
     * Every problem of the form, each naming its field as {@code fields.<name>} (or {@code requester}
     * for one about the requester); an empty list when the form is fine. Problems are answered to the
     * client as a 400 {@code application/problem+json} together with the descriptor's own. An
     * exception thrown here is a 500 for the client: report problems of the input as errors instead.
     */
    List<FieldError> validate(FormContext context);
}
