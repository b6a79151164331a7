package org.atrium.api.catalog;

/** A descriptor file that was refused as a whole, and why. */
public record RefusedDescriptor(String bundle, String file, String field, String reason) {
}
