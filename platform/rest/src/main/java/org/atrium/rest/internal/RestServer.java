package org.atrium.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.atrium.rest.internal.auth.BasicAuthFilter;
import org.atrium.rest.internal.auth.JaasAuthenticator;
import org.atrium.rest.internal.auth.LoginGuard;
import org.atrium.rest.internal.auth.LoginThrottle;
import org.atrium.rest.internal.problem.AtriumExceptionMapper;
import org.atrium.rest.internal.problem.JsonExceptionMapper;
import org.atrium.rest.internal.problem.UnexpectedExceptionMapper;
import org.atrium.rest.internal.problem.WebApplicationExceptionMapper;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * The one registration point of the API: publishes every {@link RestResource} component on CXF
 * with the JSON provider, the authentication filter and the problem+json mappers. Resources may
 * come and go (a bundle can contribute its own); the server is rebuilt once they settle, so that
 * the boot, which registers them one by one, builds it once instead of once per resource.
 */
@Component(immediate = true, configurationPid = "org.atrium.rest", configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RestConfig.class)
public class RestServer {
    private static final Logger LOG = LoggerFactory.getLogger(RestServer.class);
    private static final long SETTLE_MILLIS = 100;
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "atrium-rest-publisher"));
    private final Set<RestResource> resources = ConcurrentHashMap.newKeySet();
    private final RestConfig config;
    private final ConfigurationAdmin configs;
    /** One for the component's life: rebuilding the server as resources come and go keeps the counts. */
    private final LoginThrottle throttle;
    private ScheduledFuture<?> pending;
    private Server server;

    @Activate
    public RestServer(RestConfig config, @Reference ConfigurationAdmin configs) {
        this.config = config;
        this.configs = configs;
        this.throttle = new LoginThrottle(config.loginFreeFailuresPerUser(), config.loginFreeFailuresPerAddress(),
                java.time.Duration.ofSeconds(config.loginMaxLockSeconds()), java.time.Clock.systemUTC());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResource(RestResource resource) {
        resources.add(resource);
        republish();
    }

    void removeResource(RestResource resource) {
        resources.remove(resource);
        republish();
    }

    @Deactivate
    synchronized void stop() {
        publisher.shutdownNow();
        if (server != null) {
            server.destroy();
            server = null;
        }
    }

    private synchronized void republish() {
        if (publisher.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = publisher.schedule(this::publish, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void publish() {
        if (server != null) {
            server.destroy();
            server = null;
        }
        if (resources.isEmpty()) {
            return;
        }
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        Bus bus = BusFactory.getDefaultBus(true);
        if (bus.getExtension(ClassLoader.class) == null) {
            // Without a ClassLoader extension CXF's servlet asks the bus's ResourceManager for one on every
            // request, which searches the JVM class path for "" (3.5 % of the CPU time of a ticket creation).
            // The loader becomes the context class loader while CXF serves a request on this bus.
            bus.setExtension(RestServer.class.getClassLoader(), ClassLoader.class);
        }
        factory.setBus(bus);
        factory.setAddress(config.address());
        factory.setServiceBeans(new ArrayList<>(resources));
        factory.setProviders(List.of(
                new JacksonJsonProvider(JsonMapping.objectMapper()),
                new BasicAuthFilter(new LoginGuard(new JaasAuthenticator(config.realm(), config.loginCacheSeconds() * 1000L), throttle)),
                new DateHeaderFilter(),
                new AtriumExceptionMapper(),
                new JsonExceptionMapper(),
                new WebApplicationExceptionMapper(),
                new UnexpectedExceptionMapper()));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestServer.class.getClassLoader());
        try {
            server = factory.create();
        } finally {
            thread.setContextClassLoader(previous);
        }
        LOG.info("Atrium REST API listening on http://localhost:{}{}{} ({} resources)",
                setting(configs, "org.ops4j.pax.web", "org.osgi.service.http.port", "8181"),
                setting(configs, "org.apache.cxf.osgi", "org.apache.cxf.servlet.context", "/cxf"),
                config.address(), resources.size());
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
