package org.atrium.core.internal.mail.out;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.catalog.RequestTypeRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A department's own mail templates: {@code mail/<template>_<lang>.txt} in the bundle that provides
 * the ticket's request type (found by the bundle name the catalog recorded). No file there: the
 * built-in template.
 */
final class BundleTemplates implements MailTemplates.Overrides {
    private static final Logger LOG = LoggerFactory.getLogger(BundleTemplates.class);
    private final BundleContext context;
    private final RequestTypeRegistry types;

    BundleTemplates(BundleContext context, RequestTypeRegistry types) {
        this.context = context;
        this.types = types;
    }

    @Override
    public Optional<String> find(String type, String file) {
        Optional<String> bundleName = types.find(type).map(RequestType::bundle);
        if (bundleName.isEmpty() || context == null) {
            return Optional.empty();
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundleName.get().equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                URL entry = bundle.getEntry("mail/" + file);
                return entry == null ? Optional.empty() : read(entry, bundle);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> read(URL entry, Bundle bundle) {
        try (InputStream in = entry.openStream()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("Cannot read mail template {} of bundle {}; the built-in one is used", entry, bundle.getSymbolicName(), e);
            return Optional.empty();
        }
    }
}
