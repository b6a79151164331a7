package org.atrium.api.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Requirement;
import org.osgi.namespace.extender.ExtenderNamespace;

/**
 * Put on any class or package ({@code package-info.java}) of a department bundle that carries
 * request-type descriptors: at build time (bnd, maven-bundle-plugin 4 or later) the bundle gets the
 * requirement on Atrium's request-type extender 1.x, so it resolves only where that extender runs,
 * the same as the manifest header
 * <pre>
 * Require-Capability: osgi.extender;filter:="(&amp;(osgi.extender=org.atrium.requesttypes)(version&gt;=1.0)(!(version&gt;=2.0)))"
 * </pre>
 * which a bundle without Java sets by hand. The descriptors themselves are still listed by the
 * header {@code Atrium-RequestTypes} (docs/descriptors.md).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Requirement(namespace = ExtenderNamespace.EXTENDER_NAMESPACE, name = RequireRequestTypeExtender.NAME,
        version = RequireRequestTypeExtender.VERSION)
public @interface RequireRequestTypeExtender {
    /** The extender's name in the {@code osgi.extender} namespace. */
    String NAME = "org.atrium.requesttypes";

    /** The extender version this API goes with; its major version moves only with a breaking descriptor format. */
    String VERSION = "1.0.0";
}
