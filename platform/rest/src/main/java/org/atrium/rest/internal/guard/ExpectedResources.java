package org.atrium.rest.internal.guard;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The resources the API is not complete without: every component of this bundle that provides the
 * given service, as Declarative Services declares them. Resources of other bundles (a partner's) come
 * and go on their own and are not waited for.
 */
public final class ExpectedResources {
    private ExpectedResources() {
    }

    public static Set<String> of(ServiceComponentRuntime runtime, Bundle bundle, Class<?> service) {
        Set<String> names = new TreeSet<>();
        for (ComponentDescriptionDTO component : runtime.getComponentDescriptionDTOs(bundle)) {
            if (component.serviceInterfaces != null && Set.of(component.serviceInterfaces).contains(service.getName())
                    && runtime.isComponentEnabled(component)) {
                names.add(component.name);
            }
        }
        return names;
    }

    /** Which of the expected are not among the published, by component name. */
    public static Set<String> missing(Set<String> expected, Collection<String> published) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(published);
        return missing;
    }
}
