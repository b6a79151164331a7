package org.atrium.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names an OpenAPI 3 fragment in the resource's bundle ({@code atrium.open.api}), e.g.
 * {@code @OpenApi("openapi/legal.json")}: a JSON document whose {@code paths} (relative to
 * {@code /api/v1}, like Atrium's own) and {@code components.schemas} are merged into
 * {@code GET /api/v1/openapi.json} while the resource is published. A path or schema Atrium already
 * describes is not replaced (the server logs the clash); a fragment that cannot be read is left out and logged.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface OpenApi {
    /** The property name is {@code atrium.open.api}. */
    String PREFIX_ = "atrium.";
    /** The service property this annotation sets. */
    String PROPERTY = "atrium.open.api";

    /** The fragment's path inside the bundle. */
    String value();
}
