/**
 * The service provider interface: Java extension points that request-type descriptors refer to by
 * name (docs/descriptors.md, "Java extensions"; docs/partners.md).
 *
 * <p>A partner bundle implements an interface marked {@code @ConsumerType} ({@link
 * org.atrium.api.spi.RequestValidator}, {@link org.atrium.api.spi.FieldCalculator}, {@link
 * org.atrium.api.spi.OptionSource}, {@link org.atrium.api.spi.TransitionAction}, {@link
 * org.atrium.api.spi.ApproverResolver}) as a Declarative Services component, names it with {@link
 * org.atrium.api.spi.Extension}, and marks the bundle with {@link
 * org.atrium.api.spi.RequireRequestTypeExtender}. Each method takes one context interface
 * (a {@code @ProviderType} that Atrium implements), so that Atrium can tell extensions more in a
 * minor release without breaking them.
 *
 * <p>Lifecycle: Atrium tracks the services dynamically (whiteboard pattern). A service that appears
 * is used from the next request on; one that leaves (its bundle stopped or updated) is no longer
 * called once its unregistration completes, and requests that need it are refused with 503 until it
 * is back (transition actions are skipped). Implementations are shared by all requests: they must be
 * thread-safe and must not keep a context beyond the call.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.atrium.api.spi;
