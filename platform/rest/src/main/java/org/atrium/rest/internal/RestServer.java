package org.atrium.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.endpoint.ServerRegistry;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.atrium.rest.internal.auth.BasicAuthFilter;
import org.atrium.rest.internal.auth.JaasAuthenticator;
import org.atrium.api.audit.AuditTrail;
import org.atrium.api.health.HealthCheck;
import org.atrium.api.session.SessionStore;
import org.atrium.rest.internal.guard.AllowHeader;
import org.atrium.rest.internal.guard.AllowedMethods;
import org.atrium.rest.internal.guard.Availability;
import org.atrium.rest.internal.guard.AvailabilityFilter;
import org.atrium.rest.internal.guard.BodyLimit;
import org.atrium.rest.internal.guard.Cors;
import org.atrium.rest.internal.guard.ExpectedResources;
import org.atrium.rest.internal.guard.FallbackResource;
import org.atrium.rest.internal.guard.FallbackResource.FallbackAnchor;
import org.atrium.rest.internal.guard.SecurityHeaders;
import org.atrium.rest.internal.guard.SelfProbe;
import org.atrium.rest.internal.auth.LoginGuard;
import org.atrium.rest.internal.session.SessionAuthFilter;
import org.atrium.rest.internal.session.SessionSettings;
import org.atrium.rest.internal.auth.LoginThrottle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The one registration point of the API: publishes on CXF every service the OSGi JAX-RS whiteboard's
 * properties mark as a resource or an extension (ApiContributions), Atrium's own and partners' alike,
 * with the JSON provider, the authentication filters and the security headers; the problem+json
 * mappers are such extensions. Resources may
 * come and go (a bundle can contribute its own); the server is rebuilt once they settle, so that
 * the boot, which registers them one by one, builds it once instead of once per resource. Until
 * every resource of this bundle is published, and once the framework stops, the API answers 503
 * (Availability); a fallback endpoint below the API answers what no endpoint claims with problem+json.
 */
@Component(immediate = true, configurationPid = "org.atrium.rest", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestConfig.class)
public class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final long SETTLE_MILLIS = 100;
    /** How long the HTTP port has to reach the published API before the port is reported as not ours. */
    private static final int PROBES = 20;
    private static final long PROBE_MILLIS = 500;
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "atrium-rest-publisher"));
    private final ApiContributions contributions;
    private final RestConfig config;
    private final ConfigurationAdmin configs;
    private final BundleContext context;
    private final Availability availability;
    private final PublishedApi published;
    private final SelfProbe probe = new SelfProbe();
    private final ServiceComponentRuntime components;
    /** Read at the first publication: while this component activates, DS has not listed the bundle's components yet. */
    private Set<String> expected;
    private final SynchronousBundleListener frameworkStop;
    /** One for the component's life: rebuilding the server as resources come and go keeps the counts. */
    private final LoginThrottle throttle;
    private ScheduledFuture<?> pending;
    private volatile AuditTrail auditTrail;
    /** Sessions of the portal (SessionAuthFilter); until the core provides them a session cookie gets 503. */
    private volatile SessionStore sessionStore;
    private volatile Server server;
    private Server fallback;

    @Activate
    public RestServer(RestConfig config, @Reference ConfigurationAdmin configs, @Reference ServiceComponentRuntime components,
            @Reference Availability availability, @Reference PublishedApi published, BundleContext context) {
        this.config = config;
        this.availability = availability;
        this.published = published;
        this.configs = configs;
        this.context = context;
        this.components = components;
        // the system bundle's STOPPING comes before any bundle stops: from then on requests get 503, not the 500s of a database going away
        this.frameworkStop = event -> {
            if (event.getBundle().getBundleId() == 0 && event.getType() == BundleEvent.STOPPING) {
                availability.stopping();
            }
        };
        context.addBundleListener(frameworkStop);
        publishFallback();
        this.throttle = new LoginThrottle(config.loginFreeFailuresPerUser(), config.loginFreeFailuresPerAddress(),
                java.time.Duration.ofSeconds(config.loginMaxLockSeconds()), java.time.Clock.systemUTC());
        this.contributions = new ApiContributions(context, this::contributionsChanged);
        contributions.open();
    }

    private void contributionsChanged() {
        if (!availability.isStopping()) {
            republish(); // while stopping, the complete API stays up and answers 503 until this component goes
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setAuditTrail(AuditTrail trail) {
        this.auditTrail = trail;
    }

    void unsetAuditTrail(AuditTrail trail) {
        if (this.auditTrail == trail) {
            this.auditTrail = null;
        }
    }

    /** A failed login's row in the audit trail (GET /audit), besides the audit log line LoginGuard writes. */
    private void auditLoginFailure(String user, String address) {
        AuditTrail trail = auditTrail;
        if (trail != null) {
            trail.loginFailed(user, address);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void setSessionStore(SessionStore store) {
        this.sessionStore = store;
    }

    void unsetSessionStore(SessionStore store) {
        if (this.sessionStore == store) {
            this.sessionStore = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setHealthCheck(HealthCheck check) {
        availability.database(check);
    }

    void unsetHealthCheck(HealthCheck check) {
        availability.database(null);
    }

    @Deactivate
    synchronized void stop() {
        context.removeBundleListener(frameworkStop);
        publisher.shutdownNow();
        contributions.close();
        if (availability.isStopping()) {
            return; // the endpoints answer 503 until CXF itself stops, instead of CXF's HTML 404 "No service was found"
        }
        if (server != null) {
            server.destroy();
            server = null;
        }
        if (fallback != null) {
            fallback.destroy();
            fallback = null;
        }
    }

    /** The endpoint at the CXF servlet's root: problem+json for paths no other endpoint claims (FallbackResource). */
    private void publishFallback() {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus());
        factory.setAddress("/");
        factory.setServiceBeans(List.of(new FallbackAnchor())); // CXF publishes no endpoint without a resource
        factory.setProviders(List.of(new FallbackResource(config.address()), new StrictJsonProvider(JsonMapping.objectMapper()),
                new SecurityHeaders(), new DateHeaderFilter()));
        fallback = create(factory);
    }

    private synchronized void republish() {
        if (publisher.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = publisher.schedule(this::publishOrLog, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A failure would otherwise end silently in the executor, leaving the API at 503 for good. */
    private void publishOrLog() {
        try {
            publish();
        } catch (RuntimeException e) {
            LOG.error("Atrium REST API could not be published with {} resources", contributions.resources().size(), e);
        }
    }

    private synchronized void publish() {
        if (expected == null || expected.isEmpty()) {
            expected = ExpectedResources.of(components, context.getBundle());
        }
        List<Contribution> resources = contributions.resources();
        List<Contribution> extensions = contributions.extensions();
        if (resources.isEmpty()) {
            if (server != null) {
                server.destroy(); // the fallback answers 503 for the API's paths from now on
                server = null;
            }
            availability.missing(Set.of("(every resource)"));
            return;
        }
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus());
        factory.setAddress(config.address());
        factory.setServiceBeans(resources.stream().map(Contribution::service).toList());
        published.published(resources);
        AllowedMethods allowed = published.allowed();
        // one guard for both ways in: a password guessed through POST /session counts as one guessed through Basic
        LoginGuard guard = new LoginGuard(new JaasAuthenticator(config.realm(), config.loginCacheSeconds() * 1000L), throttle, this::auditLoginFailure);
        List<Object> providers = new ArrayList<>(List.of(
                new StrictJsonProvider(JsonMapping.objectMapper()),
                new AvailabilityFilter(availability),
                new RequestOriginFilter(),
                new BodyLimit(config.maxBodyBytes(), config.maxAttachmentBytes()),
                new Cors(config.corsAllowedOrigins(), config.corsMaxAgeSeconds()),
                new SessionAuthFilter(guard, () -> sessionStore, SessionSettings.limits(config)),
                new BasicAuthFilter(guard),
                new DateHeaderFilter(),
                new SecurityHeaders(),
                new AllowHeader(allowed),
                probe));
        // the problem+json exception mappers (Atrium's, DS components) and whatever partners contribute
        extensions.forEach(extension -> providers.add(extension.service()));
        factory.setProviders(providers);
        Server previous = server;
        // The new server is built on the previous one's destination (CXF reuses the destination of an address)
        // and takes it over in one step: destroying the previous server first left a window in which CXF
        // answered its HTML 404 "No service was found" for tickets that exist.
        factory.setStart(false);
        Server next = create(factory);
        if (previous != null) {
            previous.getDestination().setMessageObserver(null); // CXF refuses to start a second server on a busy address
        }
        next.start();
        server = next;
        if (previous != null) {
            retire(previous);
        }
        List<String> names = new ArrayList<>();
        resources.forEach(resource -> names.add(resource.name()));
        extensions.forEach(extension -> names.add(extension.name()));
        availability.missing(ExpectedResources.missing(expected, names));
        if (!availability.missing().isEmpty()) {
            LOG.info("Atrium REST API published with {} resources and {} extensions; answering 503 until these come: {}", resources.size(),
                    extensions.size(), availability.missing());
            return;
        }
        LOG.debug("Atrium REST API published: {}", names);
        publisher.schedule(() -> announce(resources.size(), 1), PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Says where the API listens once the configured port answers with this node's API; when it does not
     * within ten seconds (another process holds the port, Pax Web failed to start), says so at ERROR.
     */
    private void announce(int published, int attempt) { // on the publisher thread, as publish(): never both at once
        if (server == null || contributions.resources().size() != published) {
            return; // republished meanwhile: the next publication announces
        }
        String port = setting(configs, "org.ops4j.pax.web", "org.osgi.service.http.port", "8181");
        String url = "http://localhost:" + port + setting(configs, "org.apache.cxf.osgi", "org.apache.cxf.servlet.context", "/cxf")
                + config.address();
        String problem = probe.problem(java.net.URI.create(url + "/health"));
        if (problem == null) {
            LOG.info("Atrium REST API listening on {} ({} resources)", url, published);
        } else if (attempt < PROBES) {
            publisher.schedule(() -> announce(published, attempt + 1), PROBE_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            LOG.error("Atrium REST API is NOT reachable at {}: {}. Is another process using port {}? Pax Web logs why it could not "
                    + "bind; change org.osgi.service.http.port in etc/org.ops4j.pax.web.cfg", url, problem, port);
        }
    }

    /**
     * Forgets a server whose destination a newer one serves. Not stop() or destroy(): both would take the
     * shared destination (its message observer, its registration) from the new server.
     */
    private static void retire(Server previous) {
        ServerRegistry registry = bus().getExtension(ServerRegistry.class);
        if (registry != null) {
            registry.unregister(previous);
        }
    }

    private static Bus bus() {
        Bus bus = BusFactory.getDefaultBus(true);
        if (bus.getExtension(ClassLoader.class) == null) {
            // Without a ClassLoader extension CXF's servlet asks the bus's ResourceManager for one on every
            // request, which searches the JVM class path for "" (3.5 % of the CPU time of a ticket creation).
            // The loader becomes the context class loader while CXF serves a request on this bus.
            bus.setExtension(RestServer.class.getClassLoader(), ClassLoader.class);
        }
        return bus;
    }

    private static Server create(JAXRSServerFactoryBean factory) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            return factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Reads where Pax Web and the CXF servlet listen, only to tell the user. */
    private static String setting(ConfigurationAdmin configs, String pid, String key, String fallback) {
        try {
            Configuration[] found = configs.listConfigurations("(service.pid=" + pid + ")");
            Object value = found == null ? null : found[0].getProperties().get(key);
            return value == null ? fallback : value.toString();
        } catch (IOException | InvalidSyntaxException e) {
            return fallback;
        }
    }
}
