package org.atrium.core.internal.extension;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atrium.api.spi.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services of one SPI kind by their {@code atrium.name}. The newest registration of a name wins;
 * when it leaves, the one registered before it takes over again.
 */
final class NamedServices<T> {
    private static final Logger LOG = LoggerFactory.getLogger(NamedServices.class);
    private final String kind;
    private final Map<String, List<T>> byName = new HashMap<>();

    NamedServices(String kind) {
        this.kind = kind;
    }

    void add(T service, Map<String, Object> properties) {
        String name = name(properties);
        if (name == null) {
            LOG.warn("Ignoring a {} without the service property {}: {}", kind, Extension.NAME, service);
            return;
        }
        synchronized (byName) {
            byName.computeIfAbsent(name, ignored -> new ArrayList<>()).add(service);
        }
        LOG.info("{} {} available", kind, name);
    }

    void remove(T service, Map<String, Object> properties) {
        String name = name(properties);
        if (name == null) {
            return;
        }
        synchronized (byName) {
            List<T> services = byName.get(name);
            if (services != null && services.remove(service)) {
                if (services.isEmpty()) {
                    byName.remove(name);
                }
                LOG.info("{} {} withdrawn", kind, name);
            }
        }
    }

    Optional<T> find(String name) {
        synchronized (byName) {
            List<T> services = byName.get(name);
            return services == null ? Optional.empty() : Optional.of(services.get(services.size() - 1));
        }
    }

    private static String name(Map<String, Object> properties) {
        Object name = properties.get(Extension.NAME);
        return name == null ? null : name.toString();
    }
}
