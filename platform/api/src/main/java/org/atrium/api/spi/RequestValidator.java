package org.atrium.api.spi;

import java.util.List;
import java.util.Map;

import org.atrium.api.FieldError;

/**
 * Checks a form beyond what a descriptor can state (cross-field rules, lookups). Runs after the
 * descriptor's own rules passed; returns every problem, an empty list when the form is fine.
 * Register as a service with property {@link Extension#NAME}.
 */
public interface RequestValidator {
    List<FieldError> validate(FormContext context, Map<String, Object> fields);
}
