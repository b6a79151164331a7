package org.atrium.api.spi;

import org.atrium.api.catalog.FormField;
import org.atrium.api.catalog.RequestType;
import org.atrium.api.security.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an {@link OptionSource} is told about the field whose options are asked for. Atrium
 * implements it; later versions add methods here. Made for one question, not to be kept.
 */
@ProviderType
public interface OptionContext {

    /** The request type whose form has the field (the version the catalog lists, or the one a ticket pins). */
    RequestType requestType();

    /** The choice or multi-choice field whose {@code optionSource} names the source. */
    FormField field();

    /** Who asks: the reader of the catalog, or the sender of the form being validated. */
    Caller caller();
}
