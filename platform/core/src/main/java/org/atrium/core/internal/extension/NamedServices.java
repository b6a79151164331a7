package org.atrium.core.internal.extension;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atrium.api.spi.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Services of one SPI kind by their {@code atrium.name}; the newest registration of a name wins. */
final class NamedServices<T> {
    private static final Logger LOG = LoggerFactory.getLogger(NamedServices.class);
    private final String kind;
    private final Map<String, T> byName = new ConcurrentHashMap<>();

    NamedServices(String kind) {
        this.kind = kind;
    }

    void add(T service, Map<String, Object> properties) {
        String name = name(properties);
        if (name == null) {
            LOG.warn("Ignoring a {} without the service property {}: {}", kind, Extension.NAME, service);
            return;
        }
        byName.put(name, service);
        LOG.info("{} {} available", kind, name);
    }

    void remove(T service, Map<String, Object> properties) {
        String name = name(properties);
        if (name != null && byName.remove(name, service)) {
            LOG.info("{} {} withdrawn", kind, name);
        }
    }

    Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static String name(Map<String, Object> properties) {
        Object name = properties.get(Extension.NAME);
        return name == null ? null : name.toString();
    }
}
