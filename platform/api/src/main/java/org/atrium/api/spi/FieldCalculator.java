package org.atrium.api.spi;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Computes a form's {@code computed} fields on the server, e.g. the working days of a leave request.
 * A descriptor names it in {@code "calculators"}; register it as a service named with {@link Extension}.
 *
 * <p>Runs on every create and update of a ticket of such a type, after the descriptor's rules and
 * every validator passed. While a named calculator is not running, such requests are refused with
 * 503. Must be thread-safe (one instance serves concurrent requests) and must not keep the context.
 */
@ConsumerType
public interface FieldCalculator {

    /**
     * The computed values only, by field name, with the Java types {@link FormContext} lists for
     * their field types (they are stored and answered like submitted values); a computed field left
     * out keeps no value. Gets the complete form in {@link FormContext#fields()}.
     */
    Map<String, Object> calculate(FormContext context);
}
