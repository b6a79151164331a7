package org.atrium.api.spi;

import java.util.List;

import org.atrium.api.catalog.FieldOption;

/**
 * Supplies the options of a choice field at run time (e.g. the services of a CMDB) instead of a
 * fixed list in the descriptor. Register as a service with property {@link Extension#NAME}.
 */
public interface OptionSource {
    List<FieldOption> options();
}
