package org.atrium.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void listsEveryFieldInMessage() {
        ValidationException e = new ValidationException(List.of(
                new FieldError("summary", "is required"), new FieldError("fields.x", "must be a number")));
        assertEquals(2, e.errors().size());
        assertEquals("2 fields are invalid; summary: is required; fields.x: must be a number", e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void singleField() {
        ValidationException e = new ValidationException("cursor", "is bad");
        assertEquals(List.of(new FieldError("cursor", "is bad")), e.errors());
        assertEquals("1 field is invalid; cursor: is bad", e.getMessage());
    }

    @Test
    void statuses() {
        assertEquals(404, new NotFoundException("x").status());
        assertEquals(403, new ForbiddenException("x").status());
        ConflictException conflict = new ConflictException("x", 7L);
        assertEquals(409, conflict.status());
        assertEquals(7L, conflict.currentVersion());
    }
}
