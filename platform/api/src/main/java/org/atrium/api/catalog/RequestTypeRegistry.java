package org.atrium.api.catalog;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The request types that the installed bundles contribute right now. */
@ProviderType
public interface RequestTypeRegistry {

    /** Every registered type, sorted by key. */
    List<RequestType> all();

    Optional<RequestType> find(String key);

    /** Descriptors that were refused, with the reason; empty when all were accepted. */
    List<RefusedDescriptor> refused();
}
