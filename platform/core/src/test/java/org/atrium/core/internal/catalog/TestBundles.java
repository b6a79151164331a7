package org.atrium.core.internal.catalog;

/**
 * Test fixtures for other packages: start and stop "bundles" of descriptors on a catalog that no
 * OSGi framework feeds, as the extender does when a department's bundle starts or stops.
 */
public final class TestBundles {

    private TestBundles() {
    }

    /** An empty catalog, as when no department bundle runs. */
    public static RequestTypeCatalog emptyCatalog() {
        return new RequestTypeCatalog();
    }

    /** The bundle {@code bundleId} starts and contributes the descriptors. */
    public static void start(RequestTypeCatalog catalog, long bundleId, String bundleName, String... descriptors) {
        TestCatalogs.add(catalog, bundleId, bundleName, descriptors);
    }

    /** The bundle {@code bundleId} stops: its types are withdrawn. */
    public static void stop(RequestTypeCatalog catalog, long bundleId) {
        catalog.withdraw(bundleId);
    }
}
