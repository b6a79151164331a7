package org.atrium.rest.internal.guard;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.atrium.api.rest.JaxrsExtension;
import org.atrium.api.rest.JaxrsResource;
import org.atrium.rest.internal.RestResource;
import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The resources and extensions the API is not complete without: every enabled component of this bundle
 * that the JAX-RS whiteboard properties mark ({@code osgi.jaxrs.resource}, {@code osgi.jaxrs.extension})
 * or that provides the internal RestResource, as Declarative Services declares them. Those of other
 * bundles (a partner's) come and go on their own and are not waited for.
 */
public final class ExpectedResources {
    private ExpectedResources() {
    }

    public static Set<String> of(ServiceComponentRuntime runtime, Bundle bundle) {
        Set<String> names = new TreeSet<>();
        for (ComponentDescriptionDTO component : runtime.getComponentDescriptionDTOs(bundle)) {
            if (isContribution(component) && runtime.isComponentEnabled(component)) {
                names.add(component.name);
            }
        }
        return names;
    }

    static boolean isContribution(ComponentDescriptionDTO component) {
        boolean marked = component.properties != null && (isTrue(component.properties.get(JaxrsResource.PROPERTY))
                || isTrue(component.properties.get(JaxrsExtension.PROPERTY)));
        return marked || component.serviceInterfaces != null && Set.of(component.serviceInterfaces).contains(RestResource.class.getName());
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }

    /** Which of the expected are not among the published, by component name. */
    public static Set<String> missing(Set<String> expected, Collection<String> published) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(published);
        return missing;
    }
}
