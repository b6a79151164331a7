package org.atrium.itests;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots the real Atrium distribution (the tar.gz this build made) with its boot features, on free
 * ports, offline. Tests run inside the container and talk to it through OSGi services and HTTP.
 */
public abstract class AtriumTestSupport {
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    @Inject
    @org.ops4j.pax.exam.util.Filter("(osgi.jndi.service.name=atrium)")
    private javax.sql.DataSource atriumDataSource;

    /** Each run tests the database it says: Derby in the first, PostgreSQL in the second. */
    @org.junit.Before
    public void runsOnTheDatabaseOfThisRun() throws Exception {
        try (java.sql.Connection connection = atriumDataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            boolean postgresql = onPostgresql() || getClass().getSimpleName().equals("PostgresqlDistributionIT");
            org.junit.Assert.assertEquals(product, postgresql ? "PostgreSQL" : "Apache Derby", product);
        }
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    @Configuration
    public Option[] config() {
        String karafVersion = System.getProperty("karaf.version");
        String localRepository = System.getProperty("org.ops4j.pax.url.mvn.localRepository", "");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.atrium", "atrium-distribution", System.getProperty("atrium.version")).type("tar.gz"))
                        .karafVersion(karafVersion)
                        .name("Atrium")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                systemTimeout(180_000),
                // @Inject waits for the service this long (Pax Exam's default, 10 s, is too short for a boot on a loaded machine)
                systemProperty("pax.exam.service.timeout").value("120000"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                // offline: the distribution's system/ plus the build's local repository for Pax Exam's own bundles
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepository),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                editConfigurationFilePut("etc/branding.properties", "welcome", ""),
                systemProperty("atrium.version").value(System.getProperty("atrium.version")),
                // the probe inside the container asks which run it is part of, too
                systemProperty("atrium.itest.postgresql").value(String.valueOf(onPostgresql()))));
        options.addAll(jdk17Options(karafVersion));
        if (onPostgresql()) {
            // the classes about the database again on PostgreSQL (itests/pom.xml, execution "postgresql"), switched as README says
            options.addAll(PostgresqlSwitch.options());
        }
        return options.toArray(new Option[0]);
    }

    /** True in the suite's second run, which boots every container on a private PostgreSQL instead of Derby. */
    protected static boolean onPostgresql() {
        return Boolean.getBoolean("atrium.itest.postgresql");
    }

    /** Karaf's own JPMS flags, which Pax Exam 4.14 does not add on Java 9+ (STACK pitfall 9). */
    private static List<Option> jdk17Options(String karafVersion) {
        return List.of(
                new VMOption("--add-reads=java.xml=java.logging"),
                new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                new VMOption("--patch-module"),
                new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
                new VMOption("--patch-module"),
                new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
                new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
                new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                new VMOption("-classpath"),
                new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"));
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- helpers used inside the container ----

    /** Polls instead of sleeping; fails with the message when the condition does not hold in time. */
    protected static void waitUntil(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The API is up once its ticket resource answers (resources register one by one at boot). */
    protected void waitForApi() throws InterruptedException {
        waitUntil("the REST API", Duration.ofSeconds(60), () -> {
            try {
                return http("GET", "/tickets?limit=1", "anna", null).status() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    protected String apiBase() throws Exception {
        org.osgi.service.cm.Configuration[] web = configurationAdmin.listConfigurations("(service.pid=org.ops4j.pax.web)");
        Object port = web == null ? null : web[0].getProperties().get("org.osgi.service.http.port");
        return "http://localhost:" + (port == null ? "8181" : port) + "/api/v1";
    }

    protected record Reply(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    protected Reply http(String method, String path, String user, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiBase() + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            String credentials = user + ":" + user; // demo cast: the password is the user name
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, response);
    }
}
