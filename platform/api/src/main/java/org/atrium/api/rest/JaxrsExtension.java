package org.atrium.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a component as a JAX-RS provider of the API (an {@code ExceptionMapper}, a request or response
 * filter, a {@code MessageBodyReader} or {@code MessageBodyWriter}): sets {@code osgi.jaxrs.extension=true},
 * the OSGi JAX-RS whiteboard's property. Register the component under the provider's interface
 * ({@code @Component(service = ExceptionMapper.class)}). Atrium's own filters (authentication, CSRF,
 * security headers) run before a partner's request filter of default priority.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JaxrsExtension {
    /** The property name is {@code osgi.jaxrs.extension}. */
    String PREFIX_ = "osgi.";
    /** The service property this annotation sets to {@code true}. */
    String PROPERTY = "osgi.jaxrs.extension";
}
