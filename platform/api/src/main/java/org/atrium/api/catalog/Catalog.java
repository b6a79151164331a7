package org.atrium.api.catalog;

import java.util.List;

import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** The catalog as one caller sees it: the request types whose {@link Audience} admits them. */
@ProviderType
public interface Catalog {

    /**
     * The registered types the caller may file, sorted by key. A type whose audience names the
     * manager of a person field ({@code managerOf}) is listed for anyone who manages at least one
     * active person; whether they manage the person a request names is checked when it is filed.
     */
    List<RequestType> availableTo(Caller caller);
}
