package org.atrium.rest.internal.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.atrium.api.FieldError;
import org.atrium.api.ValidationException;
import org.atrium.api.directory.OutOfOffice;
import org.junit.jupiter.api.Test;

class OutOfOfficeParseTest {
    @Test
    void aGoodAbsence() {
        assertEquals(new OutOfOffice("chris", LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 21)),
                OutOfOfficeResource.parse(new OutOfOfficeResource.Absence("2026-12-21", "2026-12-21", "chris")));
    }

    @Test
    void everyBadMemberIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> OutOfOfficeResource.parse(new OutOfOfficeResource.Absence("2026-13-01", null, " ")));
        assertEquals(List.of(new FieldError("from", "must be a date YYYY-MM-DD"), new FieldError("until", "is required"),
                new FieldError("delegate", "is required")), e.errors());
    }

    @Test
    void untilBeforeFromIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> OutOfOfficeResource.parse(new OutOfOfficeResource.Absence("2026-12-21", "2026-12-20", "chris")));
        assertEquals(List.of(new FieldError("until", "must not be before from")), e.errors());
    }

    @Test
    void noBodyIsRefused() {
        assertThrows(ValidationException.class, () -> OutOfOfficeResource.parse(null));
        assertThrows(ValidationException.class,
                () -> OutOfOfficeResource.parse(new OutOfOfficeResource.Absence("21.12.2026", "2026-12-21", "chris")));
    }
}
