package org.atrium.core.internal.catalog;

import java.util.Optional;

import org.atrium.api.catalog.RequestType;

/**
 * Keeps every request-type version that was ever registered, so that a descriptor whose content
 * changed while its {@code schemaVersion} stayed the same is refused instead of silently replacing
 * what tickets pinned.
 */
public interface TypeVersions {
    /** Accepts every version and keeps nothing: for catalogs without a database (tests). */
    TypeVersions NONE = (type, hash) -> Optional.empty();

    /** Stores the version if new; returns why it is refused when the same version is stored with other content. */
    Optional<String> register(RequestType type, String contentHash);
}
