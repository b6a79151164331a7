package org.atrium.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The name of a resource or extension ({@code osgi.jaxrs.name}), as the OSGi JAX-RS whiteboard names
 * them: it appears in the server's log when the API is republished. Prefix it with your bundle's
 * department ({@code legal.matters}); names starting with {@code atrium.} are Atrium's.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JaxrsName {
    /** The property name is {@code osgi.jaxrs.name}. */
    String PREFIX_ = "osgi.";
    /** The service property this annotation sets. */
    String PROPERTY = "osgi.jaxrs.name";

    String value();
}
