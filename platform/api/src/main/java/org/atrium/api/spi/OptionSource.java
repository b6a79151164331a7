package org.atrium.api.spi;

import java.util.List;

import org.atrium.api.catalog.FieldOption;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies the options of a choice or multi-choice field at run time (e.g. the services of a CMDB)
 * instead of a fixed list in the descriptor. A field names it in {@code "optionSource"}; register it
 * as a service named with {@link Extension}.
 *
 * <p>Asked each time the catalog is read ({@code GET /catalog}) and each time a form with such a
 * field is validated, so the answer must be quick (cache what is slow to fetch) and thread-safe.
 * While the source is not running, the catalog lists no options for the field and forms that fill
 * it are refused with 503; an exception thrown while the catalog is read lists no options (and is
 * logged), so the catalog stays up.
 */
@ConsumerType
public interface OptionSource {

    /** The options a client may pick now, in display order; a form value must be one of their values. */
    List<FieldOption> options(OptionContext context);
}
