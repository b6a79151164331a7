package org.atrium.api;

/** One rejected input field and why; {@code field} is a JSON path such as {@code fields.affectedService}. */
public record FieldError(String field, String reason) {
}
