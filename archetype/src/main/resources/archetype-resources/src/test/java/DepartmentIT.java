package ${package};

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;

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

import javax.inject.Inject;

import org.atrium.api.catalog.RequestTypeRegistry;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots the Atrium distribution of the version the BOM names, installs this project's bundle and uses
 * it over the REST API as a partner's customer would: the type is in the catalog, the validator refuses
 * a big budget without justification, a good request becomes a ticket.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DepartmentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PORT_PROPERTY = "department.it.http.port";
    private static final String HTTP_PORT = freePort();

    @Inject
    private RequestTypeRegistry registry;

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader(Constants.DYNAMICIMPORT_PACKAGE, "*");
        return probe;
    }

    @Configuration
    public Option[] config() {
        String karafVersion = System.getProperty("karaf.version");
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(maven("org.atrium", "atrium-distribution", System.getProperty("atrium.version")).type("tar.gz"))
                        .karafVersion(karafVersion).name("Atrium").unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                systemTimeout(180_000),
                org.ops4j.pax.exam.CoreOptions.systemProperty("pax.exam.service.timeout").value("120000"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", HTTP_PORT),
                // the test runs inside the container, where this class's statics are computed again:
                // hand it the port that was configured, not a new free one
                systemProperty(PORT_PROPERTY).value(HTTP_PORT),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                // offline: the distribution's system/ folder plus the local repository (for Pax Exam's own bundles)
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("org.ops4j.pax.url.mvn.localRepository", "")),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                // the bundle this project just packaged
                bundle(new File(System.getProperty("department.bundle")).toURI().toString()).start()));
        options.addAll(java17Options(karafVersion));
        return options.toArray(new Option[0]);
    }

    @Test
    public void theRequestTypeIsInTheCatalogAndTheValidatorRefusesBadInput() throws Exception {
        waitUntil(Duration.ofSeconds(60), () -> registry.find("${department}.trip").isPresent());
        waitUntil(Duration.ofSeconds(60), () -> http("GET", "/catalog", null).status == 200);
        Reply catalog = http("GET", "/catalog", null);
        assertTrue(catalog.body.toString(), catalog.body.toString().contains("\"key\":\"${department}.trip\""));

        String tooExpensive = "{\"type\": \"${department}.trip\", \"summary\": \"Trade fair\", \"fields\":"
                + " {\"destination\": \"Lisbon\", \"nights\": 3, \"budget\": 9000}}";
        Reply refused = http("POST", "/tickets", tooExpensive);
        assertEquals(refused.body.toString(), 400, refused.status);
        assertTrue(refused.body.toString(), refused.body.toString().contains("fields.justification"));

        String justified = tooExpensive.replace("\"budget\": 9000", "\"budget\": 9000, \"justification\": \"Our biggest customer\"");
        Reply created = http("POST", "/tickets", justified);
        assertEquals(created.body.toString(), 201, created.status);
        assertTrue(created.body.get("key").asText(), created.body.get("key").asText().startsWith("${keyPrefix}-"));
    }

    private record Reply(int status, JsonNode body) {
    }

    /** As the demo employee anna (the distribution's demo mode: the password is the user name). */
    private static Reply http(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + System.getProperty(PORT_PROPERTY) + "/api/v1" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("anna:anna".getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Karaf's JPMS flags, which Pax Exam 4.14 does not add on Java 17. */
    private static List<Option> java17Options(String karafVersion) {
        return List.of(
                new VMOption("--add-reads=java.xml=java.logging"),
                new VMOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                new VMOption("--patch-module"), new VMOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
                new VMOption("--patch-module"), new VMOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
                new VMOption("--add-opens"), new VMOption("java.base/java.security=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.net=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.lang=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.base/java.util=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                new VMOption("--add-opens"), new VMOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                new VMOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
                new VMOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                new VMOption("-classpath"), new VMOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"));
    }
}
