package org.atrium.rest.internal;

/**
 * Atrium's own resources still provide this service: a thin alias kept so that a resource written before
 * the whiteboard properties publishes unchanged. What makes a service a resource of the API is the OSGi
 * JAX-RS whiteboard's property {@code osgi.jaxrs.resource=true} ({@link org.atrium.api.rest.JaxrsResource}),
 * which every Atrium resource also carries and partners use; RestServer treats both alike.
 */
public interface RestResource {
}
