package org.atrium.api.spi;

import org.atrium.api.catalog.RequestType;
import org.atrium.api.security.Caller;

/** What a form extension may know: the type (pinned version), who asks, and whether this is a create. */
public record FormContext(RequestType type, Caller caller, boolean create) {
}
