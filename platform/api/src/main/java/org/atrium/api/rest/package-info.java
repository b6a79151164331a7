/**
 * REST extensions: how a bundle adds JAX-RS resources and providers to Atrium's API under
 * {@code /api/v1}. Register a component with {@link org.atrium.api.rest.JaxrsResource} (or, for an
 * exception mapper, filter, message body reader or writer, {@link org.atrium.api.rest.JaxrsExtension})
 * and {@link org.atrium.api.rest.JaxrsName}: the properties are those of the OSGi JAX-RS whiteboard
 * ({@code osgi.jaxrs.resource=true}, {@code osgi.jaxrs.extension=true}, {@code osgi.jaxrs.name}), served
 * by Atrium's own server on CXF. The resource then runs behind Atrium's authentication, security headers
 * and CSRF rule, its errors become problem+json, and {@link org.atrium.api.rest.OpenApi} merges its paths
 * into {@code /api/v1/openapi.json}. {@link org.atrium.api.rest.AtriumPrincipal} gives the resource
 * the {@link org.atrium.api.security.Caller} to call Atrium's services with. docs/partners.md, "REST extensions".
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.rest;
