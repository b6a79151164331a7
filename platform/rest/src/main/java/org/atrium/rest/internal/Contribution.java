package org.atrium.rest.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JAX-RS service the API publishes: a resource or a provider (exception mapper, filter, body reader
 * or writer), Atrium's own or a partner's.
 *
 * @param name     {@code component.name} (what Availability waits for), else {@code osgi.jaxrs.name}, else the class
 * @param bundle   the symbolic name of the bundle that registered it
 * @param openApi  the OpenAPI fragment the service names ({@code atrium.open.api}), null when none
 */
public record Contribution(String name, String bundle, Object service, boolean resource, JsonNode openApi) {
}
