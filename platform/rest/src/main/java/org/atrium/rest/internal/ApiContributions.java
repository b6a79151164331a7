package org.atrium.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.atrium.api.rest.JaxrsExtension;
import org.atrium.api.rest.JaxrsName;
import org.atrium.api.rest.JaxrsResource;
import org.atrium.api.rest.OpenApi;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tracks the services the OSGi JAX-RS whiteboard's properties mark as resources
 * ({@code osgi.jaxrs.resource=true}) and providers ({@code osgi.jaxrs.extension=true}), of any bundle
 * and under any interface, and tells the server when the set changed. Services of the internal
 * {@link RestResource} interface count as resources too, so that a resource written before the
 * whiteboard properties still publishes.
 */
final class ApiContributions implements ServiceTrackerCustomizer<Object, Contribution> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiContributions.class);
    static final String FILTER = "(|(" + JaxrsResource.PROPERTY + "=true)(" + JaxrsExtension.PROPERTY + "=true)(objectClass="
            + RestResource.class.getName() + "))";
    private final BundleContext context;
    private final Runnable changed;
    private final Map<ServiceReference<Object>, Contribution> current = new ConcurrentHashMap<>();
    private final ServiceTracker<Object, Contribution> tracker;

    ApiContributions(BundleContext context, Runnable changed) {
        this.context = context;
        this.changed = changed;
        try {
            this.tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(FILTER), this);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void open() {
        tracker.open(true); // all services: a partner's resource class is its own, not visible to this bundle
    }

    void close() {
        tracker.close();
    }

    List<Contribution> resources() {
        return current.values().stream().filter(Contribution::resource).toList();
    }

    List<Contribution> extensions() {
        return current.values().stream().filter(contribution -> !contribution.resource()).toList();
    }

    @Override
    public Contribution addingService(ServiceReference<Object> reference) {
        Object service = context.getService(reference);
        if (service == null) {
            return null; // the service's factory failed; the framework logged why
        }
        boolean resource = !isTrue(reference.getProperty(JaxrsExtension.PROPERTY)) || isTrue(reference.getProperty(JaxrsResource.PROPERTY));
        Contribution contribution = new Contribution(name(reference, service), reference.getBundle().getSymbolicName(), service, resource,
                openApi(reference));
        current.put(reference, contribution);
        changed.run();
        return contribution;
    }

    @Override
    public void modifiedService(ServiceReference<Object> reference, Contribution contribution) {
        removedService(reference, contribution);
        addingService(reference);
    }

    @Override
    public void removedService(ServiceReference<Object> reference, Contribution contribution) {
        current.remove(reference);
        try {
            context.ungetService(reference);
        } catch (IllegalStateException e) {
            // this bundle is stopping: the framework releases the service itself
        }
        changed.run();
    }

    private static String name(ServiceReference<?> reference, Object service) {
        Object component = reference.getProperty("component.name");
        Object jaxrs = reference.getProperty(JaxrsName.PROPERTY);
        return component != null ? component.toString() : jaxrs != null ? jaxrs.toString() : service.getClass().getName();
    }

    /** The fragment a partner's resource names, parsed; null (and a log line) when it cannot be read. */
    private static JsonNode openApi(ServiceReference<?> reference) {
        Object path = reference.getProperty(OpenApi.PROPERTY);
        if (path == null) {
            return null;
        }
        URL entry = reference.getBundle().getEntry(path.toString());
        if (entry == null) {
            LOG.warn("{} names the OpenAPI fragment {}, which its bundle {} does not contain; its paths are not documented",
                    reference.getProperty("component.name"), path, reference.getBundle().getSymbolicName());
            return null;
        }
        try (InputStream in = entry.openStream()) {
            return JsonMapping.objectMapper().readTree(in);
        } catch (IOException e) {
            LOG.warn("The OpenAPI fragment {} of bundle {} cannot be read: {}", path, reference.getBundle().getSymbolicName(), e.getMessage());
            return null;
        }
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }
}
