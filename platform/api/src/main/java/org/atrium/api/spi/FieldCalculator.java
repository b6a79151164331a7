package org.atrium.api.spi;

import java.util.Map;

/**
 * Computes the form's {@code computed} fields on the server, e.g. the working days of a leave
 * request. Gets the complete values (after validation) and returns the computed ones only.
 * Register as a service with property {@link Extension#NAME}.
 */
public interface FieldCalculator {
    Map<String, Object> calculate(FormContext context, Map<String, Object> fields);
}
