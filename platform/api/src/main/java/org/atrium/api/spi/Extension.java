package org.atrium.api.spi;

/**
 * Service property that names an SPI contribution. Descriptors refer to contributions by this
 * name, e.g. {@code "validators": ["hr.leave-dates"]} finds the RequestValidator service
 * registered with {@code atrium.name=hr.leave-dates}.
 */
public final class Extension {
    public static final String NAME = "atrium.name";

    private Extension() {
    }
}
