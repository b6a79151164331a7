package org.atrium.browser.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API as a script uses it (Basic, the demo passwords are the logins): to prepare what a
 * flow starts from (a ticket in the queue) and to check on the server what a flow did in the browser.
 */
public final class Rest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;

    public Rest(String api) {
        this.api = api;
    }

    public static String basic(String login) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + login).getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode get(String login, String path) {
        return send(login, HttpRequest.newBuilder(URI.create(api + path)).GET(), 200);
    }

    public JsonNode post(String login, String path, String json) {
        return send(login, HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), 0);
    }

    private JsonNode send(String login, HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", basic(login)).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = expected == 0 ? response.statusCode() / 100 == 2 : response.statusCode() == expected;
            if (!ok) {
                throw new AssertionError(response.request().method() + " " + response.uri() + " as " + login + ": "
                        + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("REST call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
