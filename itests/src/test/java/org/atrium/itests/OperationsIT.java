package org.atrium.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The distribution as an operator meets it, started as a process ({@code bin/karaf run}) like
 * CrashDurabilityIT: a clean start, thirty wrong passwords, the console over ssh without a terminal
 * ({@code bin/client ... </dev/null}), hashed passwords, an online backup, and demo mode switched off
 * while it runs. One server for the class, the steps in name order: switching demo mode off and
 * locking the test's own address come last.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class OperationsIT {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static Path home;
    private static Process script;
    private static String api;
    private static String sshPort;

    @BeforeClass
    public static void start() throws Exception {
        home = Path.of("target", "operations").toAbsolutePath();
        int port = UnpackedDistribution.unpack(home);
        api = "http://localhost:" + port + "/api/v1";
        Matcher ssh = Pattern.compile("(?m)^sshPort\\s*=\\s*(\\d+)").matcher(Files.readString(home.resolve("etc/org.apache.karaf.shell.cfg")));
        assertTrue(ssh.find());
        sshPort = ssh.group(1);
        // every request logs in through JAAS: a remembered login would outlive the end of demo mode by a minute
        Files.writeString(home.resolve("etc/org.atrium.rest.cfg"), "loginCacheSeconds = 0\n");
        script = UnpackedDistribution.start(home);
        UnpackedDistribution.awaitApi(script, home, api, HTTP, READY_TIMEOUT);
    }

    @AfterClass
    public static void stop() {
        if (script != null) {
            UnpackedDistribution.stopGracefully(script, Duration.ofSeconds(60));
        }
    }

    @Test
    public void a_aNormalStartWarnsOfNothingAndLogsNoError() throws Exception {
        String console = Files.readString(home.resolve("console.log"));
        assertFalse(console, console.contains("JAVA_HOME not set"));
        List<String> errors = Files.readAllLines(home.resolve("data/log/karaf.log")).stream().filter(line -> line.contains("| ERROR |")).toList();
        assertEquals(String.join("\n", errors), List.of(), errors);
    }

    @Test
    public void b_thirtyWrongPasswordsAreLoggedAndThrottled() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            statuses.add(get("/me", "ina", "guess-" + i).statusCode());
        }
        assertEquals("five free failures, the sixth starts a lock", List.of(401, 401, 401, 401, 401, 401), statuses);
        HttpResponse<String> right = get("/me", "ina", "ina");
        assertEquals("while locked the right password waits too", 429, right.statusCode());
        assertEquals("application/problem+json", right.headers().firstValue("Content-Type").orElse(""));
        assertTrue(right.body(), right.body().contains("Too many failed logins for this user"));
        assertEquals("1", right.headers().firstValue("Retry-After").orElse(""));
        HttpResponse<String> last = null;
        for (int i = 7; i <= 30; i++) {
            last = get("/me", "ina", "guess-" + i);
            statuses.add(last.statusCode());
        }
        long checked = statuses.stream().filter(status -> status == 401).count();
        assertTrue("locked attempts are refused unchecked: " + statuses, checked <= 8 && statuses.get(6) == 429);
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElse("1"));
        assertTrue("Retry-After " + retryAfter, retryAfter >= 1 && retryAfter <= 4);

        Thread.sleep(TimeUnit.SECONDS.toMillis(retryAfter) + 200);
        assertEquals(200, get("/me", "ina", "ina").statusCode());
        assertEquals("marc was never locked", 200, get("/me", "marc", "marc").statusCode());

        String audit = Files.readString(home.resolve("data/log/audit.log"));
        for (int failure = 1; failure <= 6; failure++) {
            assertTrue(audit, audit.contains("login failed: user=ina address=127.0.0.1 failuresOfUser=" + failure + " "));
        }
        assertEquals("one line per checked failure", checked, audit.lines().filter(line -> line.contains("login failed: user=ina ")).count());
        assertTrue(audit, audit.contains("login locked: user=ina address=127.0.0.1 lockedBy=user forSeconds=1"));
        assertFalse("no password in the log", audit.contains("guess-"));
    }

    @Test
    public void c_theConsoleAnswersOverSshWithoutATerminal() throws Exception {
        Result types = client("atrium:types");
        assertEquals(types.output(), 0, types.exitCode());
        assertTrue(types.output(), types.output().contains("it.incident") && types.output().contains("hr.leave"));

        Result badArgument = client("atrium:tickets --limit -5");
        assertEquals(badArgument.output(), 1, badArgument.exitCode());
        assertEquals(badArgument.output(), 1, badArgument.output().strip().lines().count());
        assertTrue(badArgument.output(), badArgument.output().contains("limit: must be between 1 and 200"));

        Result unknownPerson = client("atrium:sla --user nobody it");
        assertEquals(unknownPerson.output(), 1, unknownPerson.exitCode());
        assertTrue(unknownPerson.output(), unknownPerson.output().contains("No person nobody in the directory"));

        String log = Files.readString(home.resolve("data/log/karaf.log"));
        assertFalse("a user mistake is no ERROR with a stack trace", log.contains("Exception caught while executing command"));
    }

    @Test
    public void d_passwordsAreStoredAsBcryptHashes() throws Exception {
        Path users = home.resolve("etc/users.properties");
        assertFalse("no shipped user", Files.readAllLines(users).stream().anyMatch(line -> line.matches("^[a-z]+\\s*=.*")));
        Files.writeString(users, Files.readString(users) + "operator = Op-secret-42, employee, admin, _g_:admingroup\n");
        waitUntil("the new user to log in", Duration.ofSeconds(30), () -> status("/me", "operator", "Op-secret-42") == 200);
        waitUntil("the clear-text password to be hashed", Duration.ofSeconds(30), () -> {
            try {
                return Files.readString(users).matches("(?s).*operator = \\{CRYPT}\\$2a\\$10\\$[./A-Za-z0-9]{53}\\{CRYPT}, employee.*");
            } catch (IOException e) {
                return false;
            }
        });
        assertEquals("the hash still matches", 200, get("/me", "operator", "Op-secret-42").statusCode());
        assertTrue("the demo logins are hashed in the bundle, not in etc",
                Files.readString(home.resolve("etc/org.apache.karaf.jaas.cfg")).contains("encryption.algorithm = bcrypt"));
    }

    @Test
    public void e_anOnlineBackupOfTheDatabase() throws Exception {
        Path backup = home.resolve("backups/first");
        Result result = client("atrium:backup " + backup);
        assertEquals(result.output(), 0, result.exitCode());
        assertTrue(result.output(), result.output().contains("Backed up the database into " + backup.resolve("derby")));
        assertTrue(Files.isRegularFile(backup.resolve("derby/service.properties")));
        Result again = client("atrium:backup " + backup);
        assertEquals(again.output(), 1, again.exitCode());
        assertTrue(again.output(), again.output().contains("already exists and is not an empty folder"));
    }

    @Test
    public void f_withoutDemoModeNoDefaultPasswordWorks() throws Exception {
        Files.delete(home.resolve("etc/org.atrium.demo.cfg"));
        waitUntil("the demo logins to end", Duration.ofSeconds(30), () -> {
            try {
                return Files.readString(home.resolve("data/log/karaf.log")).contains("Demo mode ended");
            } catch (IOException e) {
                return false;
            }
        });
        for (String user : List.of("anna", "marc", "hanna", "felix", "admin", "karaf")) {
            assertEquals(user, 401, get("/me", user, user).statusCode());
        }
        assertEquals(200, get("/me", "operator", "Op-secret-42").statusCode());
        Result demoAdmin = client("admin", "admin", "atrium:types");
        assertFalse(demoAdmin.output(), demoAdmin.output().contains("it.incident"));
        Result operator = client("operator", "Op-secret-42", "atrium:types");
        assertTrue(operator.output(), operator.output().contains("it.incident"));
    }

    @Test
    public void g_oneAddressTryingManyUserNamesIsThrottled() throws Exception {
        HttpResponse<String> refused = null;
        for (int i = 1; i <= 40 && refused == null; i++) {
            HttpResponse<String> reply = get("/me", "sprayed-" + i, "Summer2026");
            if (reply.statusCode() == 429) {
                refused = reply;
            } else {
                assertEquals(reply.body(), 401, reply.statusCode());
            }
        }
        // a user name that never failed before is refused: the address is locked
        assertTrue("no 429 after 40 user names from one address", refused != null);
        assertTrue(refused.body(), refused.body().contains("Too many failed logins for this address"));
        assertTrue(Files.readString(home.resolve("data/log/audit.log")).contains("lockedBy=address"));
    }

    // ---- helpers ----

    private record Result(int exitCode, String output) {
    }

    private static Result client(String command) throws Exception {
        return client("admin", "admin", command);
    }

    /** {@code bin/client} as a script runs it: no terminal, stdin at end-of-file. */
    private static Result client(String user, String password, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-a", sshPort, "-u", user, "-p", password, command)
                .directory(home.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("EXTRA_JAVA_OPTS");
        Process client = builder.start();
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!client.waitFor(60, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("bin/client did not end: " + output);
        }
        return new Result(client.exitValue(), output);
    }

    private static HttpResponse<String> get(String path, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int status(String path, String user, String password) {
        try {
            return get(path, user, password).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static void waitUntil(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }
}
