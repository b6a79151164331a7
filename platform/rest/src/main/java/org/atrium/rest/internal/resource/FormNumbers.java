package org.atrium.rest.internal.resource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fractions in a ticket's {@code fields} arrive as exact decimals (see JsonMapping). Those a double
 * holds go on as doubles, as every other JSON reader gives them; those it does not (1e400, -1e400,
 * 1e-400) stay decimals, so that the form check refuses them by field name instead of a double
 * silently becoming infinity or zero.
 */
final class FormNumbers {
    private FormNumbers() {
    }

    static Map<String, Object> normalized(Map<String, Object> fields) {
        if (fields == null) {
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        fields.forEach((name, value) -> result.put(name, normalized(value))); // null stays: it clears a field
        return result;
    }

    private static Object normalized(Object value) {
        if (value instanceof BigDecimal decimal) {
            double number = decimal.doubleValue();
            boolean fits = Double.isFinite(number) && (number != 0 || decimal.signum() == 0);
            return fits ? (Object) number : decimal;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new LinkedHashMap<>();
            map.forEach((key, item) -> result.put(key, normalized(item)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(item -> result.add(normalized(item)));
            return result;
        }
        return value;
    }
}
