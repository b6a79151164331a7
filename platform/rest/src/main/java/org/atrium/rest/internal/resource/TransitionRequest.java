package org.atrium.rest.internal.resource;

/** Body of POST /tickets/{key}/transitions; {@code version} is optional. */
public record TransitionRequest(String to, Long version) {
}
