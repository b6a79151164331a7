package org.atrium.core.internal.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.atrium.api.catalog.RefusedDescriptor;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request-type extender and registry: a bundle whose manifest names descriptor files
 * ({@code Atrium-RequestTypes: atrium/*.json}) gets its types registered while it is active and
 * withdrawn when it stops. Tickets never depend on a type staying registered.
 */
@Component(service = RequestTypeRegistry.class, immediate = true)
public class RequestTypeCatalog implements RequestTypeRegistry {
    public static final String HEADER = "Atrium-RequestTypes";
    private static final Logger LOG = LoggerFactory.getLogger(RequestTypeCatalog.class);

    /** What one bundle contributed, so that stopping it withdraws exactly that. */
    private record Contribution(List<RequestType> types, List<RefusedDescriptor> refused) {
    }

    private final Map<Long, Contribution> contributions = new LinkedHashMap<>();
    private volatile Map<String, RequestType> byKey = Map.of();
    private volatile List<RequestType> sorted = List.of();
    private volatile List<RefusedDescriptor> refused = List.of();
    private final BundleTracker<Long> tracker;
    private final TypeVersions versions;

    /** Waits for the version store: no descriptor is accepted before it can be compared with what tickets pinned. */
    @Activate
    public RequestTypeCatalog(BundleContext context, @Reference TypeVersions versions) {
        this.versions = versions;
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Long addingBundle(Bundle bundle, BundleEvent event) {
                String header = bundle.getHeaders("").get(HEADER);
                if (header == null) {
                    return null;
                }
                add(bundle.getBundleId(), bundle.getSymbolicName(), descriptors(bundle, header));
                return bundle.getBundleId();
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Long id) {
                // types stay as they are until the bundle stops
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Long id) {
                withdraw(id);
            }
        });
        tracker.open();
    }

    /** For tests: a catalog that no bundle feeds. */
    RequestTypeCatalog() {
        this(TypeVersions.NONE);
    }

    /** For tests: a catalog that no bundle feeds, keeping versions in {@code versions}. */
    RequestTypeCatalog(TypeVersions versions) {
        tracker = null;
        this.versions = versions;
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @Override
    public List<RequestType> all() {
        return sorted;
    }

    @Override
    public Optional<RequestType> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public List<RefusedDescriptor> refused() {
        return refused;
    }

    /** Reads a bundle's descriptors; each one is registered whole or refused whole. */
    synchronized void add(long bundleId, String bundleName, Map<String, DescriptorSource> files) {
        List<RequestType> accepted = new ArrayList<>();
        List<RefusedDescriptor> rejected = new ArrayList<>();
        Map<String, RequestType> registered = new HashMap<>(byKey);
        for (Map.Entry<String, DescriptorSource> file : files.entrySet()) {
            try (InputStream in = file.getValue().open()) {
                byte[] content = in.readAllBytes();
                RequestType type = DescriptorReader.read(new java.io.ByteArrayInputStream(content), bundleName);
                checkFits(type, registered);
                Optional<String> refusal = versions.register(type, DescriptorReader.contentHash(content));
                if (refusal.isPresent()) {
                    throw new DescriptorException("schemaVersion", refusal.get());
                }
                registered.put(type.key(), type);
                accepted.add(type);
                LOG.info("Request type {} (schema version {}) registered from {} {}", type.key(), type.schemaVersion(), bundleName, file.getKey());
            } catch (DescriptorException e) {
                for (DescriptorException error : e instanceof DescriptorErrors all ? all.all() : List.of(e)) {
                    rejected.add(new RefusedDescriptor(bundleName, file.getKey(), error.field(), error.getMessage()));
                    LOG.error("Refused request-type descriptor {} of bundle {}: field {}: {}", file.getKey(), bundleName,
                            error.field(), error.getMessage());
                }
            } catch (IOException e) {
                rejected.add(new RefusedDescriptor(bundleName, file.getKey(), "(file)", "cannot be read: " + e.getMessage()));
                LOG.error("Cannot read request-type descriptor {} of bundle {}", file.getKey(), bundleName, e);
            }
        }
        contributions.put(bundleId, new Contribution(accepted, rejected));
        publish();
    }

    synchronized void withdraw(long bundleId) {
        Contribution gone = contributions.remove(bundleId);
        if (gone != null) {
            gone.types().forEach(type -> LOG.info("Request type {} withdrawn: its bundle {} stopped", type.key(), type.bundle()));
            publish();
        }
    }

    private static void checkFits(RequestType type, Map<String, RequestType> registered) throws DescriptorException {
        RequestType same = registered.get(type.key());
        if (same != null) {
            throw new DescriptorException("key", "\"" + type.key() + "\" is already registered by bundle " + same.bundle());
        }
        for (RequestType other : registered.values()) {
            if (other.keyPrefix().equals(type.keyPrefix()) && !other.department().equals(type.department())) {
                throw new DescriptorException("keyPrefix", "\"" + type.keyPrefix() + "\" belongs to department "
                        + other.department() + " (type " + other.key() + ")");
            }
        }
    }

    private void publish() {
        Map<String, RequestType> keys = new HashMap<>();
        List<RefusedDescriptor> allRefused = new ArrayList<>();
        for (Contribution contribution : contributions.values()) {
            contribution.types().forEach(type -> keys.put(type.key(), type));
            allRefused.addAll(contribution.refused());
        }
        List<RequestType> list = new ArrayList<>(keys.values());
        list.sort(Comparator.comparing(RequestType::key));
        byKey = Map.copyOf(keys);
        sorted = List.copyOf(list);
        refused = List.copyOf(allRefused);
    }

    /** The entries the header names: "dir/*.json" patterns, comma-separated. */
    private static Map<String, DescriptorSource> descriptors(Bundle bundle, String header) {
        Map<String, DescriptorSource> files = new LinkedHashMap<>();
        for (String pattern : header.split(",")) {
            String path = pattern.trim();
            int slash = path.lastIndexOf('/');
            String dir = slash < 0 ? "/" : path.substring(0, slash);
            String name = path.substring(slash + 1);
            Enumeration<URL> found = bundle.findEntries(dir, name, false);
            if (found == null) {
                continue;
            }
            List<URL> urls = Collections.list(found);
            urls.sort(Comparator.comparing(URL::getPath));
            for (URL url : urls) {
                files.put(url.getPath(), url::openStream);
            }
        }
        return files;
    }

    @FunctionalInterface
    interface DescriptorSource {
        InputStream open() throws IOException;
    }
}
