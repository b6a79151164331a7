package org.atrium.rest.internal.resource;

import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.security.Caller;
import org.atrium.api.spi.OptionContext;

/** What an option source is told while the catalog is read: the type, the field and the reader. */
record SourcedField(RequestType requestType, FormField field, Caller caller) implements OptionContext {
}
