package org.atrium.core.internal.form;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads form values strictly: dates only as YYYY-MM-DD, times only as HH:MM (24 h), numbers only
 * where they fit a double (what every JSON client can read back), whole numbers only where they fit
 * a long. Each method answers null for a value that does not qualify.
 */
final class FormValues {
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);
    private static final BigDecimal SMALLEST = new BigDecimal(Double.MIN_NORMAL);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private FormValues() {
    }

    static LocalDate date(Object value) {
        if (!(value instanceof String text) || !DATE.matcher(text).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(text); // ISO_LOCAL_DATE resolves strictly: 2026-02-30 is refused
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalTime time(Object value) {
        return value instanceof String text && TIME.matcher(text).matches() ? LocalTime.parse(text) : null;
    }

    /** A {@code {"from": x, "to": y}} object with exactly these two members, or null. */
    static Map<?, ?> range(Object value) {
        return value instanceof Map<?, ?> range && range.size() == 2 && range.containsKey("from") && range.containsKey("to")
                ? range : null;
    }

    /** The number as a decimal when it is one that can be stored and read back, else null. */
    static BigDecimal number(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? new BigDecimal(value.toString()) : null;
        }
        if (!(value instanceof Number number)) {
            return null;
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        BigDecimal size = decimal.abs();
        if (size.compareTo(LARGEST) > 0 || (decimal.signum() != 0 && size.compareTo(SMALLEST) < 0)) {
            return null;
        }
        return decimal;
    }

    /** True for a number written without a fraction or exponent (as JSON parsers give them). */
    static boolean isWholeToken(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    /** True for a whole number within the range of a long. */
    static boolean fitsLong(Object value) {
        if (value instanceof BigInteger big) {
            return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0;
        }
        return isWholeToken(value);
    }
}
