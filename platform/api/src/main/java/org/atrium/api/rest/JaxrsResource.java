package org.atrium.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Marks a component as a JAX-RS resource of the API: sets {@code osgi.jaxrs.resource=true}, the OSGi
 * JAX-RS whiteboard's property. The component's {@code @Path} is relative to {@code /api/v1}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JaxrsResource {
    /** The property name is {@code osgi.jaxrs.resource}. */
    String PREFIX_ = "osgi.";
    /** The service property this annotation sets to {@code true}. */
    String PROPERTY = "osgi.jaxrs.resource";
}
