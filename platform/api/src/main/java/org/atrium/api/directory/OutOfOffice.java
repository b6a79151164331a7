package org.atrium.api.directory;

import java.time.LocalDate;
import java.util.Objects;

/** While a person is away from {@code from} to {@code until} (both included), {@code delegate} acts for them. */
public record OutOfOffice(String delegate, LocalDate from, LocalDate until) {
    public OutOfOffice {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        if (from.isAfter(until)) {
            throw new IllegalArgumentException("An absence cannot end before it starts");
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(until);
    }
}
