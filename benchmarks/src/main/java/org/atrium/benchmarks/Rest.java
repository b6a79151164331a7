package org.atrium.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST side of the load: HTTP/1.1 keep-alive, one connection per client, Basic credentials on
 * every request. Measured runs use {@link RawHttp}; {@link #jdkCreator} is the same with
 * java.net.http.HttpClient, kept to show what a heavier client costs on shared cores.
 */
final class Rest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String api;
    private final int port;
    private final String path;

    Rest(Karaf karaf) {
        this.api = karaf.api();
        this.port = karaf.httpPort();
        this.path = URI.create(api).getPath();
        // one connection per worker thread is kept alive by the client's pool; no HTTP/2 upgrade attempts
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread thread = new Thread(r, "http-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    static String summary(int index) {
        return "VPN drops every hour (benchmark " + index + ")";
    }

    static String createBody(int index) {
        return "{\"type\":\"it.incident\",\"summary\":\"" + summary(index) + "\",\"impact\":\"high\",\"urgency\":\"medium\","
                + "\"fields\":{\"affectedService\":\"vpn\"}}";
    }

    /**
     * POST /tickets as anna on this worker's own keep-alive connection (RawHttp); expects 201 with
     * the ticket's key.
     */
    Load.Worker creator(AtomicLong created) {
        String auth = Karaf.basic("anna");
        RawHttp http = new RawHttp("127.0.0.1", port);
        return new Load.Worker() {
            @Override
            public String run(int index) throws Exception {
                RawHttp.Response response = http.send("POST", path + "/tickets", auth, createBody((int) created.incrementAndGet()));
                return response.status() == 201 && response.body().contains("\"key\":\"IT-") ? null
                        : response.status() + " " + abbreviate(response.body());
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    /** The same POST through java.net.http.HttpClient (shared by all workers), for comparison. */
    Load.Worker jdkCreator(AtomicLong created) {
        String auth = Karaf.basic("anna");
        URI uri = URI.create(api + "/tickets");
        return index -> {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(createBody((int) created.incrementAndGet()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 && response.body().contains("\"key\":\"IT-") ? null
                    : response.statusCode() + " " + abbreviate(response.body());
        };
    }

    /** GET {@code pathAndQuery} as {@code user}; expects 200 and, on the first call, {@code expectedTickets} tickets. */
    Load.Worker reader(String user, String pathAndQuery, int expectedTickets) {
        String auth = Karaf.basic(user);
        RawHttp http = new RawHttp("127.0.0.1", port);
        return new Load.Worker() {
            @Override
            public String run(int index) throws Exception {
                RawHttp.Response response = http.send("GET", path + pathAndQuery, auth, null);
                if (response.status() != 200) {
                    return response.status() + " " + abbreviate(response.body());
                }
                if (index == 0) {
                    int size = JSON.readTree(response.body()).path("items").size();
                    if (expectedTickets >= 0 && size != expectedTickets) { // -1: any number (a selective search)
                        return "expected " + expectedTickets + " tickets on the page, got " + size + ": " + abbreviate(response.body());
                    }
                }
                return null;
            }

            @Override
            public void close() {
                http.close();
            }
        };
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
