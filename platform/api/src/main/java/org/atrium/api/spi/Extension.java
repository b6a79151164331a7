package org.atrium.api.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names an SPI contribution, as a component property type: put it beside {@code @Component} and
 * the component's service gets the property {@value #NAME} at build time. Descriptors refer to
 * contributions by this name, e.g. {@code "validators": ["hr.leave-dates"]} finds the
 * {@link RequestValidator} service named {@code hr.leave-dates}:
 *
 * <pre>{@code
 * @Component(service = RequestValidator.class)
 * @Extension(name = "hr.leave-dates")
 * public class LeaveDates implements RequestValidator { ... }
 * }</pre>
 *
 * A name is unique per SPI kind; when two services of one kind carry the same name, the one
 * registered last is used, and the earlier one again once it leaves. Names are best prefixed with
 * the department ({@code hr.}, {@code legal.}) so that partners do not collide. A service without
 * the property is ignored (and logged).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Extension {
    /** Makes {@link #name()} the service property {@value #NAME}. */
    String PREFIX_ = "atrium.";

    /** The service property that carries the name, for code that registers services by hand. */
    String NAME = "atrium.name";

    /** The name descriptors use, e.g. {@code hr.working-days}. */
    String name();
}
